using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;

namespace Tongxin.Features.Liaison;

/// <summary>One figure's line of the feedback form: the year's contacts of the cadre with that figure.</summary>
public sealed record FeedbackRow(long FigureId, string FigureName, string? KeyLevel, string KeyLevelLabel, int Contacts, List<string> Dates,
    List<string> Ways, string Highlights);

public static class FeedbackRows
{
    /// <summary>
    /// Every figure the cadre was assigned during the year or logged a contact with in it, with the year's logs
    /// (dates, ways, the first summaries), figures with most contacts first.
    /// </summary>
    public static async Task<List<FeedbackRow>> Generate(TongxinDb db, string cadreUserId, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var logs = await db.ContactLogs.AsNoTracking().Where(l => l.CadreUserId == cadreUserId && l.Date >= first && l.Date <= last)
            .OrderBy(l => l.Date).ThenBy(l => l.Id)
            .Select(l => new { l.FigureId, l.Figure!.Name, l.Figure.KeyLevel, l.Date, l.Way, l.Summary }).Take(10_000).ToListAsync();
        var assigned = await db.LiaisonAssignments.AsNoTracking()
            .Where(a => a.CadreUserId == cadreUserId && a.StartOn <= last && (a.EndOn == null || a.EndOn >= first))
            .Select(a => new { a.FigureId, a.Figure!.Name, a.Figure.KeyLevel }).ToListAsync();
        var codes = new DictionaryCodes(db);
        var rows = new List<FeedbackRow>();
        foreach (var g in logs.GroupBy(l => l.FigureId))
        {
            var f = g.First();
            rows.Add(new FeedbackRow(g.Key, f.Name, f.KeyLevel, KeyLevels.Label(codes, f.KeyLevel), g.Count(),
                g.Select(l => l.Date.ToString("MM-dd")).ToList(),
                g.Select(l => codes.Label(ContactWays.DictionaryType, l.Way)).Distinct().ToList(),
                string.Join("；", g.Take(3).Select(l => l.Summary.Length > 80 ? l.Summary[..80] + "…" : l.Summary))));
        }
        foreach (var a in assigned.DistinctBy(a => a.FigureId).Where(a => rows.All(r => r.FigureId != a.FigureId)))
            rows.Add(new FeedbackRow(a.FigureId, a.Name, a.KeyLevel, KeyLevels.Label(codes, a.KeyLevel), 0, [], [], "本年度未联系"));
        return rows.OrderByDescending(r => r.Contacts).ThenBy(r => r.FigureName, StringComparer.Ordinal).ToList();
    }

    public static string ToJson(List<FeedbackRow> rows) => JsonSerializer.Serialize(rows, JsonSerializerOptions.Web);

    public static List<FeedbackRequestRow> RequestsFromJson(string json) =>
        JsonSerializer.Deserialize<List<FeedbackRequestRow>>(json, JsonSerializerOptions.Web) ?? [];

    public static List<FeedbackRow> FromJson(string json) => JsonSerializer.Deserialize<List<FeedbackRow>>(json, JsonSerializerOptions.Web) ?? [];
}
