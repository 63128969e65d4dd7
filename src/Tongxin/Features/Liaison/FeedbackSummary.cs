using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

public sealed record FeedbackCadreItem(string CadreUserId, string CadreName, string RegionCode, int ActiveFigures, int ContactedFigures, int Contacts,
    FeedbackStatus? Status, DateTime? SubmittedAt);

public sealed record NeverContactedItem(long FigureId, string Name, string? KeyLevel, string RegionCode, string CadreName);

public sealed record FeedbackSummaryView(int Year, List<FeedbackCadreItem> Cadres, List<NeverContactedItem> NeverContacted);

public static class FeedbackSummary
{
    /// <summary>
    /// The region's year for staff: each cadre with their figures, contacts and whether the form was submitted, and the
    /// figures under an active assignment that nobody contacted in the year.
    /// </summary>
    public static async Task<Results<Ok<FeedbackSummaryView>, ValidationProblem>> Handle(int year, string? regionCode, TongxinDb db)
    {
        var (view, problem) = await Build(year, regionCode, db);
        return view is null ? problem! : TypedResults.Ok(view);
    }

    /// <summary>The summary as an Excel workbook: one sheet of cadres, one of the figures nobody contacted.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(int year, string? regionCode, TongxinDb db)
    {
        var (view, problem) = await Build(year, regionCode, db);
        if (view is null) return problem!;
        var regions = await RegionNames.FullNamesAsync(db, view.Cadres.Select(c => c.RegionCode).Concat(view.NeverContacted.Select(n => n.RegionCode)));
        var keyLevels = await db.DictionaryItems.AsNoTracking().Where(d => d.Type == "keyLevel").ToDictionaryAsync(d => d.Code, d => d.Label);
        var cadres = view.Cadres.Select(c => new Dictionary<string, object?>
        {
            ["联系干部"] = SpreadsheetText.Neutralize(c.CadreName),
            ["所属地区"] = regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
            ["联系人士数"] = c.ActiveFigures,
            ["已联系人数"] = c.ContactedFigures,
            ["联系次数"] = c.Contacts,
            ["反馈表"] = c.Status switch { FeedbackStatus.Submitted => "已提交", FeedbackStatus.Draft => "草稿", _ => "未填写" },
            ["提交时间"] = c.SubmittedAt?.AddHours(8).ToString("yyyy-MM-dd HH:mm") ?? "",
        }).ToList();
        var never = view.NeverContacted.Select(n => new Dictionary<string, object?>
        {
            ["网络人士"] = SpreadsheetText.Neutralize(n.Name),
            ["重点级别"] = n.KeyLevel is null ? "" : keyLevels.GetValueOrDefault(n.KeyLevel, n.KeyLevel),
            ["所属地区"] = regions.GetValueOrDefault(n.RegionCode, n.RegionCode),
            ["联系干部"] = SpreadsheetText.Neutralize(n.CadreName),
        }).ToList();
        if (cadres.Count == 0) cadres.Add(new() { ["联系干部"] = "无联系干部" });
        if (never.Count == 0) never.Add(new() { ["网络人士"] = "无" });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["反馈表汇总"] = cadres, ["本年度未联系人士"] = never });
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8($"{year}年度联系情况反馈汇总", DateTime.UtcNow));
    }

    private static async Task<(FeedbackSummaryView? View, ValidationProblem? Problem)> Build(int year, string? regionCode, TongxinDb db)
    {
        if (!GetFeedbackForm.ValidYear(year)) return (null, Problems.Validation("year", "年度无效"));
        RegionRange? range = null;
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            range = await ScopedRegions.SubtreeInScope(db, regionCode);
            if (range is null) return (null, Problems.Validation("regionCode", ScopedRegions.UnknownRegionMessage));
        }
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var cadres = Cadres.InScope(db).AsNoTracking();
        if (range is { } r) cadres = cadres.Where(u => string.Compare(u.RegionCode, r.Low) >= 0 && string.Compare(u.RegionCode, r.High) < 0);
        var list = await cadres.OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName, u.RegionCode }).Take(2000).ToListAsync();
        var ids = list.Select(c => c.Id).ToList();
        var active = await db.LiaisonAssignments.Where(a => a.EndOn == null && ids.Contains(a.CadreUserId))
            .GroupBy(a => a.CadreUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var contacts = await db.ContactLogs.Where(l => ids.Contains(l.CadreUserId) && l.Date >= first && l.Date <= last)
            .GroupBy(l => l.CadreUserId).Select(g => new { g.Key, Contacts = g.Count(), Figures = g.Select(l => l.FigureId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => (x.Contacts, x.Figures));
        var forms = await db.LiaisonFeedbackForms.AsNoTracking()
            .Where(f => f.Year == year && ids.Contains(f.CadreUserId)).ToDictionaryAsync(f => f.CadreUserId, f => new { f.Status, f.SubmittedAt });
        var items = list.Select(c => new FeedbackCadreItem(c.Id, string.IsNullOrEmpty(c.DisplayName) ? c.UserName! : c.DisplayName, c.RegionCode,
            active.GetValueOrDefault(c.Id), contacts.GetValueOrDefault(c.Id).Figures, contacts.GetValueOrDefault(c.Id).Contacts,
            forms.TryGetValue(c.Id, out var f) ? f.Status : null, f?.SubmittedAt)).ToList();

        var assignments = db.LiaisonAssignments.AsNoTracking().Where(a => a.EndOn == null);
        if (range is { } rr) assignments = assignments.Where(a => string.Compare(a.Figure!.RegionCode, rr.Low) >= 0 && string.Compare(a.Figure.RegionCode, rr.High) < 0);
        var never = await assignments.Where(a => !db.ContactLogs.Any(l => l.FigureId == a.FigureId && l.Date >= first && l.Date <= last))
            .OrderBy(a => a.Figure!.SortKey).Select(a => new { a.FigureId, a.Figure!.Name, a.Figure.KeyLevel, a.Figure.RegionCode, a.CadreUserId })
            .Take(2000).ToListAsync();
        var names = await Cadres.Names(db, never.Select(n => n.CadreUserId));
        var neverItems = never.GroupBy(n => n.FigureId).Select(g => new NeverContactedItem(g.Key, g.First().Name, g.First().KeyLevel, g.First().RegionCode,
            string.Join("、", g.Select(n => names.GetValueOrDefault(n.CadreUserId, ""))))).ToList();
        return (new FeedbackSummaryView(year, items, neverItems), null);
    }
}
