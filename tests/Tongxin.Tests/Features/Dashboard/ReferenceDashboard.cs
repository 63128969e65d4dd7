using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Scope;
using Tongxin.Features.Dashboard;
using Tongxin.Features.Figures;

namespace Tongxin.Tests.Features.Dashboard;

/// <summary>
/// The dashboard as it was computed before the tallies: plain GROUP BYs over the scoped figures. The tests
/// hold the tally-based endpoint to these numbers.
/// </summary>
public static class ReferenceDashboard
{
    public static async Task<DashboardResponse> ComputeAsync(TongxinDb db, string? regionCode)
    {
        var figures = await new FigureFilter { RegionCode = regionCode }.ApplyAsync(db, db.Figures.AsNoTracking());
        var codes = new DictionaryCodes(db);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var yearStart = new DateOnly(today.Year, 1, 1);
        var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);

        var total = await figures.CountAsync();
        var byCategory = (await figures.GroupBy(f => f.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderByDescending(x => x.Count).Select(x => new CountItem(x.Key ?? "", x.Key is null ? "未分类" : codes.Label("category", x.Key), x.Count)).ToList();
        var byKey = (await figures.Where(f => f.KeyLevel != null).GroupBy(f => f.KeyLevel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .Select(x => new CountItem(x.Key!, codes.Label("keyLevel", x.Key), x.Count)).ToList();
        var tiers = await figures.GroupBy(f => f.MaxFollowers >= 10_000_000 ? 4 : f.MaxFollowers >= 1_000_000 ? 3 : f.MaxFollowers >= 100_000 ? 2 : f.MaxFollowers >= 10_000 ? 1 : 0)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        string[] tierKeys = ["lt10k", "10k", "100k", "1m", "10m"];
        string[] tierLabels = ["1万以下", "1万+", "10万+", "100万+", "1000万+"];
        var byTier = Enumerable.Range(0, 5).Select(i => new CountItem(tierKeys[i], tierLabels[i], tiers.FirstOrDefault(t => t.Key == i)?.Count ?? 0)).ToList();

        var baseCode = regionCode ?? (await db.Regions.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync());
        var children = baseCode is null ? [] : await db.Regions.AsNoTracking().Where(r => r.ParentCode == baseCode).OrderBy(r => r.Code).ToListAsync();
        var byRegion = new List<CountItem>();
        if (children.Count > 0)
        {
            var prefixLength = Region.ScopePrefix(children[0].Code, children[0].Level).Length;
            var grouped = await figures.GroupBy(f => f.RegionCode.Substring(0, prefixLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var own = await figures.CountAsync(f => f.RegionCode == baseCode);
            if (own > 0) byRegion.Add(new CountItem(baseCode!, "本级", own));
            foreach (var c in children)
            {
                var prefix = Region.ScopePrefix(c.Code, c.Level);
                byRegion.Add(new CountItem(c.Code, c.Name, grouped.Where(g => g.Key == prefix).Sum(g => g.Count)));
            }
        }
        var months = await figures.Where(f => f.EnrolledOn >= monthStart)
            .GroupBy(f => new { f.EnrolledOn.Year, f.EnrolledOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync();
        var perMonth = Enumerable.Range(0, 12).Select(i => monthStart.AddMonths(i))
            .Select(m => new MonthCount($"{m:yyyy-MM}", months.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month)?.Count ?? 0)).ToList();

        int organizations;
        if (string.IsNullOrWhiteSpace(regionCode)) organizations = await db.Organizations.CountAsync();
        else organizations = await ScopedRegions.SubtreeInScope(db, regionCode) is { } range ? await db.Organizations.Within(range).CountAsync() : 0;

        return new DashboardResponse(
            total, byKey.Sum(k => k.Count), await figures.CountAsync(f => f.EnrolledOn >= yearStart),
            await db.PlatformAccounts.CountAsync(a => figures.Any(f => f.Id == a.FigureId)),
            organizations, byCategory, byRegion, byTier, byKey, perMonth);
    }

    /// <summary>A comparable text of a response: ties in the category and key-level lists may come in any order.</summary>
    public static string Canonical(DashboardResponse d) => System.Text.Json.JsonSerializer.Serialize(d with
    {
        ByCategory = d.ByCategory.OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList(),
        ByKeyLevel = d.ByKeyLevel.OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
    });
}
