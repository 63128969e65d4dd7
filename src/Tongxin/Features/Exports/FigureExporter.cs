using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;

namespace Tongxin.Features.Exports;

/// <summary>
/// The rows of a figure export, streamed from one untracked query so memory stays flat however many rows
/// there are. Columns carry the import headers, so an export re-imports
/// cleanly: masked ID and phone (never decrypted) are skipped by the importer, 系统编号 matches the record.
/// </summary>
public sealed class FigureExporter(TongxinDb db)
{
    public static readonly FigureColumn[] Columns =
    [
        FigureColumn.SystemId, FigureColumn.Name, FigureColumn.Gender, FigureColumn.BirthDate, FigureColumn.Ethnicity,
        FigureColumn.PoliticalAffiliation, FigureColumn.Education, FigureColumn.IdNumber, FigureColumn.Phone,
        FigureColumn.Region, FigureColumn.Workplace, FigureColumn.JobTitle, FigureColumn.Category, FigureColumn.Fields,
        FigureColumn.Tags, FigureColumn.KeyLevel, FigureColumn.EnrolledOn, FigureColumn.Platform, FigureColumn.Handle,
        FigureColumn.Followers, FigureColumn.Email, FigureColumn.WeChat, FigureColumn.Notes, FigureColumn.Status,
    ];

    private int _count;

    /// <summary>Rows written so far; another thread may read it while the workbook is being written (progress).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Writes the workbook of the filtered figures to a stream (one sheet, header row first).</summary>
    public Task WriteAsync(Stream target, IQueryable<Figure> filtered, CancellationToken ct = default) =>
        MiniExcel.SaveAsAsync(target, Rows(filtered), printHeader: false, sheetName: "网络人士", cancellationToken: ct);

    /// <summary>
    /// The filter in the words of the list page (shown beside the export and written to the audit line), e.g.
    /// "关键词“张”；地区：四川省泸州市江阳区；状态：在库"; "全部" without one.
    /// </summary>
    public static async Task<string> DescribeAsync(TongxinDb db, FigureFilter f, CancellationToken ct = default)
    {
        var codes = new DictionaryCodes(db);
        var parts = new List<string>();
        void Add(string name, string? value, Func<string, string> label)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}：{label(value.Trim())}");
        }
        Add("关键词", f.Q, v => $"“{v}”");
        if (!string.IsNullOrWhiteSpace(f.RegionCode))
        {
            var code = f.RegionCode.Trim();
            var region = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.FullName).FirstOrDefaultAsync(ct);
            parts.Add($"地区：{region ?? code}");
        }
        Add("类别", f.Category, v => codes.Label("category", v));
        Add("重点人士", f.KeyLevel, v => codes.Label("keyLevel", v));
        Add("平台", f.Platform, v => codes.Label("platform", v));
        Add("粉丝量级", f.FollowerTier, v => TierLabels.GetValueOrDefault(v, v));
        Add("标签", f.Tag, v => v);
        Add("状态", f.Status, v => v == "all" ? "全部" : FigureStatusNames.FromApi(v) is { } s ? FigureStatusNames.Label(s) : v);
        return parts.Count == 0 ? "全部" : string.Join("；", parts);
    }

    private static readonly Dictionary<string, string> TierLabels = new()
    {
        ["10k"] = "1万以上",
        ["100k"] = "10万以上",
        ["1m"] = "100万以上",
        ["10m"] = "1000万以上",
    };

    /// <summary>The header row first, then one row per figure in pinyin order; text cells neutralized.</summary>
    public IEnumerable<IDictionary<string, object?>> Rows(IQueryable<Figure> filtered)
    {
        var codes = new DictionaryCodes(db).Loaded();
        var regions = db.Regions.AsNoTracking().Select(r => new { r.Code, r.FullName }).ToDictionary(r => r.Code, r => r.FullName);
        var header = new Dictionary<string, object?>();
        foreach (var c in Columns) header[c.ToString()] = FigureColumns.Of(c).Header;
        yield return header;

        // One streamed query: figures in pinyin order with their accounts joined (a single query reads the
        // joined rows in order and hands over one figure at a time), so neither time nor memory grows with pages.
        var rows = filtered.AsNoTracking().AsSingleQuery().OrderBy(f => f.SortKey).ThenBy(f => f.Id).Select(f => new
        {
            f.Id,
            f.Name,
            f.Gender,
            f.BirthDate,
            f.Ethnicity,
            f.PoliticalAffiliation,
            f.Education,
            f.IdNumberMasked,
            f.PhoneMasked,
            f.RegionCode,
            f.Workplace,
            f.JobTitle,
            f.Category,
            f.Fields,
            f.Tags,
            f.KeyLevel,
            f.EnrolledOn,
            f.MaxFollowers,
            f.Email,
            f.WeChat,
            f.Notes,
            f.Status,
            Accounts = f.Accounts.OrderBy(a => a.Id).Select(a => new { a.Platform, a.Handle }).ToList(),
        });
        foreach (var f in rows)
        {
            var acc = f.Accounts;
            var values = new object?[]
            {
                f.Id, f.Name, f.Gender, f.BirthDate, codes.Label("ethnicity", f.Ethnicity),
                codes.Label("politicalAffiliation", f.PoliticalAffiliation), codes.Label("education", f.Education),
                f.IdNumberMasked, f.PhoneMasked, regions.GetValueOrDefault(f.RegionCode, f.RegionCode), f.Workplace,
                f.JobTitle, codes.Label("category", f.Category), f.Fields, string.Join("、", f.Tags),
                codes.Label("keyLevel", f.KeyLevel), f.EnrolledOn.ToString("yyyy-MM-dd"),
                string.Join("、", acc.Select(a => codes.Label("platform", a.Platform))), string.Join("、", acc.Select(a => a.Handle)),
                acc.Count == 0 ? null : f.MaxFollowers, f.Email, f.WeChat, f.Notes, FigureStatusNames.Label(f.Status),
            };
            var row = new Dictionary<string, object?>(Columns.Length);
            for (var i = 0; i < Columns.Length; i++)
                row[Columns[i].ToString()] = values[i] is string s ? SpreadsheetText.Neutralize(s) : values[i];
            Interlocked.Increment(ref _count);
            yield return row;
        }
    }
}
