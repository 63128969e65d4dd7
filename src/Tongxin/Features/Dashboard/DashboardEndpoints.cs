using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Dashboard;

public sealed record CountItem(string Key, string Label, int Count);
public sealed record MonthCount(string Month, int Count);
public sealed record DashboardResponse(int TotalFigures, int KeyFigures, int NewThisYear, int TotalAccounts, int TotalOrganizations,
    IReadOnlyList<CountItem> ByCategory, IReadOnlyList<CountItem> ByRegion, IReadOnlyList<CountItem> ByFollowerTier,
    IReadOnlyList<CountItem> ByKeyLevel, IReadOnlyList<MonthCount> NewPerMonth);

/// <summary>
/// Counts of active figures in the caller's scope (optionally narrowed to a region), summed from the
/// pre-aggregated <see cref="FigureTally"/> rows: the work depends on the number of regions, not of figures.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly string[] TierKeys = ["lt10k", "10k", "100k", "1m", "10m"];
    private static readonly string[] TierLabels = ["1万以下", "1万+", "10万+", "100万+", "1000万+"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dashboard", Get).WithTags("Dashboard").RequireAuthorization(Permissions.DashboardRead);

    public static async Task<Ok<DashboardResponse>> Get(TongxinDb db, string? regionCode)
    {
        // The chosen region, or the top of the caller's scope; its own tally rows count its whole subtree.
        RegionRange? chosen = string.IsNullOrWhiteSpace(regionCode) ? null : await ScopedRegions.RequireSubtree(db, regionCode);
        var baseCode = string.IsNullOrWhiteSpace(regionCode)
            ? await db.Regions.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync()
            : regionCode.Trim();
        var codes = new DictionaryCodes(db);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var thisYear = FigureTallies.Month(today.Year);

        // One read of the region's rows: every dimension but the regions; the 12-month window lies within two years.
        var tallies = FigureTallies.Current(db, baseCode is null ? [] : [baseCode]);
        string[] dimensions = [FigureTallies.Total, FigureTallies.Category, FigureTallies.KeyLevel, FigureTallies.Tier, FigureTallies.Accounts,
            FigureTallies.Month(today.Year - 1), thisYear];
        var sums = (await tallies.Where(t => dimensions.Contains(t.Dimension)).Select(t => new { t.Dimension, t.Value, t.Count }).ToListAsync())
            .Where(x => x.Count != 0).ToList();
        int Sum(string dimension, string? value = null) => sums.Where(x => x.Dimension == dimension && (value is null || x.Value == value)).Sum(x => x.Count);
        // Enrolment dates after this year are unusual but count as "new this year", as a date filter would.
        var laterYears = await tallies.Where(t => string.Compare(t.Dimension, thisYear) > 0 && string.Compare(t.Dimension, "month;") < 0).SumAsync(t => t.Count);

        var byCategory = sums.Where(x => x.Dimension == FigureTallies.Category).OrderByDescending(x => x.Count).ThenBy(x => x.Value, StringComparer.Ordinal)
            .Select(x => new CountItem(x.Value, x.Value == "" ? "未分类" : codes.Label("category", x.Value), x.Count)).ToList();
        var byKey = sums.Where(x => x.Dimension == FigureTallies.KeyLevel && x.Value != "").OrderBy(x => x.Value, StringComparer.Ordinal)
            .Select(x => new CountItem(x.Value, codes.Label("keyLevel", x.Value), x.Count)).ToList();
        var byTier = Enumerable.Range(0, 5).Select(i => new CountItem(TierKeys[i], TierLabels[i], Sum(FigureTallies.Tier, i.ToString()))).ToList();
        var perMonth = Enumerable.Range(0, 12).Select(i => monthStart.AddMonths(i))
            .Select(m => new MonthCount($"{m:yyyy-MM}", Sum(FigureTallies.Month(m.Year), $"{m.Month:00}"))).ToList();
        var total = Sum(FigureTallies.Total);

        // By region: one level below; the children's own totals, and what is left over is the region's own (本级).
        var children = baseCode is null ? [] : await db.Regions.AsNoTracking().Where(r => r.ParentCode == baseCode).OrderBy(r => r.Code).ToListAsync();
        var byRegion = new List<CountItem>();
        if (children.Count > 0)
        {
            var childCodes = children.Select(c => c.Code).ToList();
            var totals = await FigureTallies.Current(db, childCodes).Where(t => t.Dimension == FigureTallies.Total && t.Value == "")
                .ToDictionaryAsync(t => t.RegionCode, t => t.Count);
            var own = total - totals.Values.Sum();
            if (own > 0) byRegion.Add(new CountItem(baseCode!, "本级", own));
            byRegion.AddRange(children.Select(c => new CountItem(c.Code, c.Name, totals.GetValueOrDefault(c.Code))));
        }

        return TypedResults.Ok(new DashboardResponse(
            total, byKey.Sum(k => k.Count), Sum(thisYear) + laterYears, Sum(FigureTallies.Accounts),
            await (chosen is { } range ? db.Organizations.Within(range) : db.Organizations).CountAsync(),
            byCategory, byRegion, byTier, byKey, perMonth));
    }
}
