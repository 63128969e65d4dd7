using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Positions;

public sealed record PositionInput(string? Kind, string? Level, string? Title, string? Organization, string? TermStart, string? TermEnd, int? Version)
    : IFigureRecordInput<PositionInput, Position, PositionItem>
{
    public static string What => "职务";
    public static string Route => "positions";
    public static Position New(long figureId) => new() { FigureId = figureId, Kind = "" };
    public static long IdOf(Position p) => p.Id;
    public static PositionItem ToItem(Position p) => new(p.Id, p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd, p.Version);

    public Action<Position> Check(DictionaryCodes codes, Dictionary<string, string[]> errors)
    {
        var kind = FigureRecordFields.Code(codes, "positionKind", Kind);
        if (kind is null) errors["kind"] = ["请选择身份类别"];
        var level = FigureRecordFields.Code(codes, "positionLevel", Level);
        if (!string.IsNullOrWhiteSpace(Level) && level is null) errors["level"] = ["级别不在字典中"];
        var start = FigureRecordFields.Date(TermStart, "termStart", errors);
        var end = FigureRecordFields.Date(TermEnd, "termEnd", errors);
        if (start is not null && end is not null && string.CompareOrdinal(start, end) > 0) errors["termEnd"] = ["任期结束不能早于开始"];
        return p => (p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd) =
            (kind!, level, ChineseText.Normalize(Title), ChineseText.Normalize(Organization), start, end);
    }
}
