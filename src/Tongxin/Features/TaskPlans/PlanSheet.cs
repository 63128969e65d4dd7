using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Tongxin.Common.Text;
using Tongxin.Features.Imports;

namespace Tongxin.Features.TaskPlans;

public enum PlanColumn { Seq, Title, Lead, CoUnits, Deadline, Target }

/// <summary>A row of the plan's table as written: its Excel row number and its cells by column.</summary>
public sealed record PlanSheetRow(int Number, IReadOnlyDictionary<PlanColumn, object?> Cells);

/// <summary>
/// Reads the plan's Excel table (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限, optionally 目标) with MiniExcel: the header
/// row is found under any title rows; section headings and footnotes (a row with one filled cell) are skipped.
/// </summary>
public sealed class PlanSheet
{
    public const int MaxRows = 2_000;
    private const int HeaderSearchRows = 10;

    private static readonly Dictionary<string, PlanColumn> Headers = new()
    {
        ["序号"] = PlanColumn.Seq,
        ["编号"] = PlanColumn.Seq,
        ["工作任务"] = PlanColumn.Title,
        ["任务"] = PlanColumn.Title,
        ["重点任务"] = PlanColumn.Title,
        ["任务内容"] = PlanColumn.Title,
        ["工作内容"] = PlanColumn.Title,
        ["主要任务"] = PlanColumn.Title,
        ["具体任务"] = PlanColumn.Title,
        ["牵头单位"] = PlanColumn.Lead,
        ["牵头部门"] = PlanColumn.Lead,
        ["责任单位"] = PlanColumn.Lead,
        ["牵头"] = PlanColumn.Lead,
        ["配合单位"] = PlanColumn.CoUnits,
        ["配合部门"] = PlanColumn.CoUnits,
        ["协同单位"] = PlanColumn.CoUnits,
        ["参与单位"] = PlanColumn.CoUnits,
        ["完成时限"] = PlanColumn.Deadline,
        ["完成时间"] = PlanColumn.Deadline,
        ["时限"] = PlanColumn.Deadline,
        ["时间节点"] = PlanColumn.Deadline,
        ["目标"] = PlanColumn.Target,
        ["工作目标"] = PlanColumn.Target,
        ["预期目标"] = PlanColumn.Target,
        ["可量化目标"] = PlanColumn.Target,
        ["具体目标"] = PlanColumn.Target,
        ["量化指标"] = PlanColumn.Target,
        ["目标要求"] = PlanColumn.Target,
    };

    public static readonly IReadOnlyDictionary<PlanColumn, string> Canonical = new Dictionary<PlanColumn, string>
    {
        [PlanColumn.Seq] = "序号",
        [PlanColumn.Title] = "工作任务",
        [PlanColumn.Lead] = "牵头单位",
        [PlanColumn.CoUnits] = "配合单位",
        [PlanColumn.Deadline] = "完成时限",
        [PlanColumn.Target] = "目标",
    };

    public required IReadOnlyDictionary<PlanColumn, string> HeaderTexts { get; init; }
    public required IReadOnlyList<string> UnknownColumns { get; init; }
    public required IReadOnlyList<PlanSheetRow> Rows { get; init; }

    public string TextOf(PlanColumn column) => HeaderTexts.GetValueOrDefault(column, Canonical[column]);

    /// <summary>Checks the file by content and reads it; throws <see cref="ImportFileException"/> with a Chinese message.</summary>
    public static PlanSheet Read(string path)
    {
        UploadCheck.Verify(path);
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + HeaderSearchRows + 1).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ImportFileException(UploadCheck.NotXlsxMessage);
        }
        for (var i = 0; i < Math.Min(raw.Count, HeaderSearchRows); i++)
        {
            var letters = new Dictionary<string, PlanColumn>();
            var texts = new Dictionary<PlanColumn, string>();
            var unknown = new List<string>();
            foreach (var (letter, value) in raw[i])
            {
                var text = ChineseText.Normalize(CellReader.Text(value)).Replace(" ", "");
                if (text.Length == 0) continue;
                if (Headers.TryGetValue(text, out var column) && !texts.ContainsKey(column))
                {
                    letters[letter] = column;
                    texts[column] = text;
                }
                else unknown.Add(text);
            }
            if (!texts.ContainsKey(PlanColumn.Title) || !texts.ContainsKey(PlanColumn.Lead)) continue;
            var rows = new List<PlanSheetRow>();
            for (var j = i + 1; j < raw.Count; j++)
            {
                var cells = letters.ToDictionary(l => l.Value, l => raw[j].TryGetValue(l.Key, out var v) ? v : null);
                var filled = raw[j].Values.Count(v => CellReader.Text(v) is not null);
                if (filled <= 1) continue; // blank, a section heading (一、…) or a note under the table
                rows.Add(new PlanSheetRow(j + 1, cells));
            }
            if (rows.Count > MaxRows) throw new ImportFileException($"任务不能超过{MaxRows}行");
            return new PlanSheet { HeaderTexts = texts, UnknownColumns = unknown, Rows = rows };
        }
        throw new ImportFileException($"未找到表头：请确认前{HeaderSearchRows}行中有一行包含“工作任务”和“牵头单位”");
    }

    /// <summary>Splits a cell of unit names on 、，, ; ； and line breaks.</summary>
    public static List<string> Names(object? cell) =>
        CellReader.Text(cell) is { } text
            ? ChineseText.Normalize(text).Split(['、', ',', '，', ';', '；', '\n', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
}

/// <summary>
/// A deadline as plans write it: a date cell, "2026-06-30", "2026年6月底", "2026年底", "2026年第三季度", or a
/// standing task ("长期坚持", "持续推进") without a date.
/// </summary>
public static partial class Deadlines
{
    public const string UnreadableMessage = "完成时限无法识别，请填写日期（如2026-06-30、2026年6月底）或“长期坚持”";

    [GeneratedRegex(@"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(前|之前)?$")]
    private static partial Regex Day();

    [GeneratedRegex(@"^(\d{4})[-./年](\d{1,2})月?(底|末|前|之前|上旬|中旬|下旬)?$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(\d{4})年?(底|末|内|前|全年|年底|年内|年末)?$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{4})年(上半年|年中|6月底前)$")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"^(\d{4})年?第?([一二三四1-4])季度(末|底)?$")]
    private static partial Regex Quarter();

    private static readonly string[] Standing = ["长期", "持续", "常态", "每年", "每季度", "每月", "经常"];

    /// <summary>False with an error when unreadable; otherwise the date (null for a standing task) and the text to keep.</summary>
    public static bool TryParse(object? cell, out DateOnly? date, out string? text, out string? error)
    {
        date = null;
        text = null;
        error = null;
        if (cell is DateTime dt)
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        var raw = CellReader.Text(cell);
        if (raw is null) return true;
        var s = ChineseText.Normalize(raw).Replace(" ", "");
        text = s;
        Match m;
        if ((m = Day().Match(s)).Success) date = Safe(Int(m, 1), Int(m, 2), Int(m, 3));
        else if ((m = Month().Match(s)).Success)
        {
            var (y, mo) = (Int(m, 1), Int(m, 2));
            date = m.Groups[3].Value switch
            {
                "上旬" => Safe(y, mo, 10),
                "中旬" => Safe(y, mo, 20),
                _ => mo is >= 1 and <= 12 ? new DateOnly(y, mo, DateTime.DaysInMonth(y, mo)) : null,
            };
        }
        else if ((m = HalfYear().Match(s)).Success) date = new DateOnly(Int(m, 1), 6, 30);
        else if ((m = Quarter().Match(s)).Success)
        {
            var q = "一二三四".IndexOf(m.Groups[2].Value[0]) is var k and >= 0 ? k + 1 : Int(m, 2);
            date = new DateOnly(Int(m, 1), q * 3, DateTime.DaysInMonth(Int(m, 1), q * 3));
        }
        else if ((m = Year().Match(s)).Success && Int(m, 1) >= 1900) date = new DateOnly(Int(m, 1), 12, 31);
        else if (Standing.Any(s.Contains)) return true;
        else
        {
            error = UnreadableMessage;
            return false;
        }
        if (date is null)
        {
            error = UnreadableMessage;
            return false;
        }
        // A plain ISO date needs no text of its own.
        if (s == date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) text = null;
        return true;
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Safe(int y, int m, int d) =>
        y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
