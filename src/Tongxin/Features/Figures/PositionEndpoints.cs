using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

public sealed record PositionInput(string? Kind, string? Level, string? Title, string? Organization, string? TermStart, string? TermEnd, int? Version);
public sealed record HonourInput(string? Title, string? Level, string? AwardedOn, string? Issuer, int? Version);

/// <summary>Political and social positions (人大代表, 政协委员…) and honours of a figure.</summary>
public static class PositionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var write = Permissions.FiguresWrite;
        api.MapPost("/figures/{id:long}/positions", CreatePosition).Produces<PositionItem>(201).WithTags("Positions").RequireAuthorization(write);
        api.MapPut("/positions/{id:long}", UpdatePosition).Produces<PositionItem>().WithTags("Positions").RequireAuthorization(write);
        api.MapDelete("/positions/{id:long}", DeletePosition).WithTags("Positions").RequireAuthorization(write);
        api.MapPost("/figures/{id:long}/honours", CreateHonour).Produces<HonourItem>(201).WithTags("Honours").RequireAuthorization(write);
        api.MapPut("/honours/{id:long}", UpdateHonour).Produces<HonourItem>().WithTags("Honours").RequireAuthorization(write);
        api.MapDelete("/honours/{id:long}", DeleteHonour).WithTags("Honours").RequireAuthorization(write);
    }

    private static string? Date(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (PartialDate.TryParse(value, out var d, out var error)) return d.ToString();
        errors[field] = [error ?? "日期格式不正确"];
        return null;
    }

    private static Dictionary<string, string[]> Check(PositionInput i, DictionaryCodes codes, out string? kind, out string? level,
        out string? start, out string? end)
    {
        var errors = new Dictionary<string, string[]>();
        kind = string.IsNullOrWhiteSpace(i.Kind) ? null : codes.Resolve("positionKind", i.Kind.Trim());
        if (kind is null) errors["kind"] = ["请选择身份类别"];
        level = string.IsNullOrWhiteSpace(i.Level) ? null : codes.Resolve("positionLevel", i.Level.Trim());
        if (!string.IsNullOrWhiteSpace(i.Level) && level is null) errors["level"] = ["级别不在字典中"];
        start = Date(i.TermStart, "termStart", errors);
        end = Date(i.TermEnd, "termEnd", errors);
        if (start is not null && end is not null && string.CompareOrdinal(start, end) > 0) errors["termEnd"] = ["任期结束不能早于开始"];
        return errors;
    }

    public static async Task<IResult> CreatePosition(long id, PositionInput input, TongxinDb db)
    {
        if (!await db.Figures.AnyAsync(f => f.Id == id)) return Problems.NotFound("人士");
        var errors = Check(input, new DictionaryCodes(db), out var kind, out var level, out var start, out var end);
        if (errors.Count > 0) return Problems.Validation(errors);
        var p = new Position
        {
            FigureId = id, Kind = kind!, Level = level, Title = ChineseText.Normalize(input.Title),
            Organization = ChineseText.Normalize(input.Organization), TermStart = start, TermEnd = end,
        };
        db.Positions.Add(p);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/positions/{p.Id}", ToItem(p));
    }

    public static async Task<IResult> UpdatePosition(long id, PositionInput input, TongxinDb db)
    {
        var p = await db.Positions.FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return Problems.NotFound("职务");
        var errors = Check(input, new DictionaryCodes(db), out var kind, out var level, out var start, out var end);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != p.Version) return Problems.Conflict();
        (p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd) =
            (kind!, level, ChineseText.Normalize(input.Title), ChineseText.Normalize(input.Organization), start, end);
        db.Entry(p).Property(x => x.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToItem(p));
    }

    public static async Task<IResult> DeletePosition(long id, TongxinDb db)
    {
        var p = await db.Positions.FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return Problems.NotFound("职务");
        db.Positions.Remove(p);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static Dictionary<string, string[]> Check(HonourInput i, DictionaryCodes codes, out string? level, out string? awardedOn)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(i.Title)) errors["title"] = ["请填写荣誉名称"];
        level = string.IsNullOrWhiteSpace(i.Level) ? null : codes.Resolve("honourLevel", i.Level.Trim());
        if (!string.IsNullOrWhiteSpace(i.Level) && level is null) errors["level"] = ["级别不在字典中"];
        awardedOn = Date(i.AwardedOn, "awardedOn", errors);
        return errors;
    }

    public static async Task<IResult> CreateHonour(long id, HonourInput input, TongxinDb db)
    {
        if (!await db.Figures.AnyAsync(f => f.Id == id)) return Problems.NotFound("人士");
        var errors = Check(input, new DictionaryCodes(db), out var level, out var awardedOn);
        if (errors.Count > 0) return Problems.Validation(errors);
        var h = new Honour { FigureId = id, Title = ChineseText.Normalize(input.Title), Level = level, AwardedOn = awardedOn, Issuer = ChineseText.Normalize(input.Issuer) };
        db.Honours.Add(h);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/honours/{h.Id}", ToItem(h));
    }

    public static async Task<IResult> UpdateHonour(long id, HonourInput input, TongxinDb db)
    {
        var h = await db.Honours.FirstOrDefaultAsync(x => x.Id == id);
        if (h is null) return Problems.NotFound("荣誉");
        var errors = Check(input, new DictionaryCodes(db), out var level, out var awardedOn);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != h.Version) return Problems.Conflict();
        (h.Title, h.Level, h.AwardedOn, h.Issuer) = (ChineseText.Normalize(input.Title), level, awardedOn, ChineseText.Normalize(input.Issuer));
        db.Entry(h).Property(x => x.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToItem(h));
    }

    public static async Task<IResult> DeleteHonour(long id, TongxinDb db)
    {
        var h = await db.Honours.FirstOrDefaultAsync(x => x.Id == id);
        if (h is null) return Problems.NotFound("荣誉");
        db.Honours.Remove(h);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static PositionItem ToItem(Position p) => new(p.Id, p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd, p.Version);
    private static HonourItem ToItem(Honour h) => new(h.Id, h.Title, h.Level, h.AwardedOn, h.Issuer, h.Version);
}
