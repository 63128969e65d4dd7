using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Positions;

public sealed record HonourInput(string? Title, string? Level, string? AwardedOn, string? Issuer, int? Version)
    : IFigureRecordInput<HonourInput, Honour, HonourItem>
{
    public static string What => "荣誉";
    public static string Route => "honours";
    public static Honour New(long figureId) => new() { FigureId = figureId, Title = "" };
    public static long IdOf(Honour h) => h.Id;
    public static HonourItem ToItem(Honour h) => new(h.Id, h.Title, h.Level, h.AwardedOn, h.Issuer, h.Version);

    public Action<Honour> Check(DictionaryCodes codes, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(Title)) errors["title"] = ["请填写荣誉名称"];
        var level = FigureRecordFields.Code(codes, "honourLevel", Level);
        if (!string.IsNullOrWhiteSpace(Level) && level is null) errors["level"] = ["级别不在字典中"];
        var awardedOn = FigureRecordFields.Date(AwardedOn, "awardedOn", errors);
        return h => (h.Title, h.Level, h.AwardedOn, h.Issuer) = (ChineseText.Normalize(Title), level, awardedOn, ChineseText.Normalize(Issuer));
    }
}
