using Tongxin.Common.Text;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>One data row read into the shapes the shared rules take, with the cell-level errors found on the way.</summary>
public sealed class ParsedRow
{
    public required int Number { get; init; }
    public required FigureInput Input { get; init; }
    public string? RegionText { get; init; }
    public long? SystemId { get; init; }
    public List<(string Platform, string Handle)> Accounts { get; } = [];
    public string? Url { get; set; }
    public long? Followers { get; set; }
    public long? Likes { get; set; }
    public long? Works { get; set; }
    public DateOnly? StatDate { get; set; }
    public List<RowError> Errors { get; } = [];
    /// <summary>Words of dictionary columns that neither the dictionary nor a mapping places.</summary>
    public List<(FigureColumn Column, string Value)> Unknown { get; } = [];
    /// <summary>The errors those words cause: row errors at commit, listed as unknown values in a dry run.</summary>
    public List<RowError> UnknownErrors { get; } = [];
}

/// <summary>Reads a <see cref="SheetRow"/> by the header's column map; validation proper is FigureRules' job.</summary>
public sealed class RowParser(SheetHeader header, ValueMapper mapper)
{
    private static readonly HashSet<string> NotKey = ["否", "无", "不是", "一般", "普通", "-"];
    private readonly Dictionary<FigureColumn, string> _letters = header.Columns.ToDictionary(kv => kv.Value, kv => kv.Key);

    public ParsedRow Parse(SheetRow row)
    {
        var errors = new List<RowError>();
        object? Cell(FigureColumn c) => _letters.TryGetValue(c, out var l) ? row.Cells.TryGetValue(l, out var v) ? v : null : null;
        string? Text(FigureColumn c) => CellReader.Text(Cell(c));
        void Error(FigureColumn c, string? message) { if (message is not null) errors.Add(new RowError(row.Number, header.TextOf(c), message)); }

        var birth = CellReader.Date(Cell(FigureColumn.BirthDate), out var birthError);
        Error(FigureColumn.BirthDate, birthError);
        var enrolled = CellReader.Date(Cell(FigureColumn.EnrolledOn), out var enrolledError);
        Error(FigureColumn.EnrolledOn, enrolledError);
        var idNumber = CellReader.IdNumber(Cell(FigureColumn.IdNumber), out var idError);
        Error(FigureColumn.IdNumber, idError);
        var keyLevel = Text(FigureColumn.KeyLevel);
        if (keyLevel is not null && NotKey.Contains(keyLevel)) keyLevel = null;
        var unknown = new ParsedRow { Number = row.Number, Input = new FigureInput() };
        string? Coded(FigureColumn c, string? text) => mapper.Map(c, text, unknown);
        var tags = CellReader.List(Text(FigureColumn.Tags));

        long? systemId = null;
        if (Text(FigureColumn.SystemId) is { } sid)
        {
            if (long.TryParse(sid, out var id) && id > 0) systemId = id;
            else Error(FigureColumn.SystemId, "系统编号应为数字");
        }

        var parsed = new ParsedRow
        {
            Number = row.Number,
            SystemId = systemId,
            RegionText = Text(FigureColumn.Region),
            Input = new FigureInput
            {
                Name = Text(FigureColumn.Name),
                Gender = Text(FigureColumn.Gender),
                BirthDate = birth,
                Ethnicity = Coded(FigureColumn.Ethnicity, Text(FigureColumn.Ethnicity)),
                PoliticalAffiliation = Coded(FigureColumn.PoliticalAffiliation, Text(FigureColumn.PoliticalAffiliation)),
                Education = Coded(FigureColumn.Education, Text(FigureColumn.Education)),
                IdNumber = idNumber,
                Phone = CellReader.Phone(Cell(FigureColumn.Phone)),
                Email = Text(FigureColumn.Email),
                WeChat = Text(FigureColumn.WeChat),
                Workplace = Text(FigureColumn.Workplace),
                JobTitle = Text(FigureColumn.JobTitle),
                Category = Coded(FigureColumn.Category, Text(FigureColumn.Category)),
                Fields = Text(FigureColumn.Fields),
                Tags = tags.Count == 0 ? null : tags,
                KeyLevel = Coded(FigureColumn.KeyLevel, keyLevel),
                Source = Coded(FigureColumn.Source, Text(FigureColumn.Source)),
                RecommendedBy = Text(FigureColumn.RecommendedBy),
                EnrolledOn = enrolled,
                Notes = Text(FigureColumn.Notes),
            },
        };
        parsed.Unknown.AddRange(unknown.Unknown);
        ReadAccounts(parsed, Cell, Text, Error);
        parsed.Errors.AddRange(errors);
        return parsed;
    }

    private void ReadAccounts(ParsedRow parsed, Func<FigureColumn, object?> cell, Func<FigureColumn, string?> text, Action<FigureColumn, string?> error)
    {
        var platforms = CellReader.List(text(FigureColumn.Platform));
        var handles = CellReader.List(text(FigureColumn.Handle)).Select(ChineseText.Normalize).ToList();
        if (handles.Count == 0)
        {
            if (platforms.Count > 0) error(FigureColumn.Handle, "请填写账号");
            return;
        }
        if (platforms.Count == 0) { error(FigureColumn.Platform, "请填写平台"); return; }
        if (platforms.Count != handles.Count && platforms.Count != 1) { error(FigureColumn.Handle, "平台与账号的个数不一致"); return; }
        for (var i = 0; i < handles.Count; i++)
        {
            var label = platforms[platforms.Count == 1 ? 0 : i];
            var platform = mapper.Code(FigureColumn.Platform, ChineseText.Normalize(label), parsed);
            if (platform is null)
            {
                parsed.UnknownErrors.Add(new RowError(parsed.Number, header.TextOf(FigureColumn.Platform), $"平台“{label}”不在字典中"));
                continue;
            }
            if (handles[i].Length > 100) { error(FigureColumn.Handle, "账号不能超过100个字"); continue; }
            if (parsed.Accounts.Any(a => a.Platform == platform && PlatformAccount.KeyOf(a.Handle) == PlatformAccount.KeyOf(handles[i]))) continue;
            parsed.Accounts.Add((platform, handles[i]));
        }
        // Metrics describe one account; a row listing several (as the export writes them) carries none.
        if (handles.Count != 1) return;
        parsed.Url = text(FigureColumn.Url);
        if (parsed.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            error(FigureColumn.Url, "链接应以 http:// 或 https:// 开头");
        parsed.Followers = CellReader.Count(cell(FigureColumn.Followers), out var e1);
        error(FigureColumn.Followers, e1);
        parsed.Likes = CellReader.Count(cell(FigureColumn.Likes), out var e2);
        error(FigureColumn.Likes, e2);
        parsed.Works = CellReader.Count(cell(FigureColumn.Works), out var e3);
        error(FigureColumn.Works, e3);
        var stat = CellReader.Date(cell(FigureColumn.StatDate), out var e4);
        error(FigureColumn.StatDate, e4);
        if (stat is not null)
        {
            if (!PartialDate.TryParse(stat, out var d, out var e5)) error(FigureColumn.StatDate, e5);
            else if (d.Precision != DatePrecision.Day) error(FigureColumn.StatDate, "统计日期应精确到日");
            else if (d.FirstDay > MetricSnapshot.Today()) error(FigureColumn.StatDate, "统计日期不能晚于今天");
            else parsed.StatDate = d.FirstDay;
        }
    }
}
