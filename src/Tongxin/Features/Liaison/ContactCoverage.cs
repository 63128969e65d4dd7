using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Liaison;

/// <summary>One group of the coverage: key figures under an active assignment, and how many of them were contacted in time.</summary>
public sealed record CoverageGroup(string Key, string Label, int Figures, int Contacted, double Share);

public sealed record ContactCoverageView(int Figures, int Contacted, double Share, List<CoverageGroup> ByKeyLevel, List<CoverageGroup> ByRegion);

public static class ContactCoverage
{
    /// <summary>
    /// GET /api/liaison/coverage: the share of key figures (with a key level) under an active assignment that a cadre of
    /// theirs contacted within the level's contact interval (the last contact is no older than the rule's days), by key
    /// level and by county, in the caller's region scope (optionally a subtree of it). Counted by the database.
    /// </summary>
    public static async Task<Results<Ok<ContactCoverageView>, ValidationProblem>> Handle(string? regionCode, TongxinDb db)
    {
        var assignments = db.LiaisonAssignments.AsNoTracking().Where(a => a.Figure!.KeyLevel != null);
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            if (await ScopedRegions.SubtreeInScope(db, regionCode) is not { } r) return Problems.Validation("regionCode", ScopedRegions.UnknownRegionMessage);
            assignments = assignments.Where(a => string.Compare(a.RegionCode, r.Low) >= 0 && string.Compare(a.RegionCode, r.High) < 0);
        }
        var rows = DueRow.Active(db, assignments);
        // Contacted within the interval: a last contact, and the next-due date is today or later (or never: 9999-12-31).
        var today = Cadres.Today();
        var covered = rows.Where(x => x.LastContactOn != null && x.NextDueSort >= today);

        var all = await Count(rows);
        var done = await Count(covered);
        var codes = new DictionaryCodes(db);
        var counties = all.Select(a => a.County).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(x => counties.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name);
        List<CoverageGroup> Groups(Func<(string KeyLevel, string County, int Figures), string> key, Func<string, string> label) =>
            all.GroupBy(key).Select(g =>
            {
                var n = g.Sum(x => x.Figures);
                var c = done.Where(d => key(d) == g.Key).Sum(d => d.Figures);
                return new CoverageGroup(g.Key, label(g.Key), n, c, Share(c, n));
            }).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var total = all.Sum(a => a.Figures);
        var contacted = done.Sum(d => d.Figures);
        return TypedResults.Ok(new ContactCoverageView(total, contacted, Share(contacted, total),
            Groups(x => x.KeyLevel, k => codes.Label("keyLevel", k)),
            Groups(x => x.County, k => names.GetValueOrDefault(k, k))));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Distinct figures per key level and county (a figure with two cadres counts once; contacted when either did).</summary>
    private static async Task<List<(string KeyLevel, string County, int Figures)>> Count(IQueryable<DueRow> rows)
    {
        var groups = await rows.Select(x => new { x.FigureId, x.KeyLevel, County = x.RegionCode.Substring(0, 6) }).Distinct()
            .GroupBy(x => new { x.KeyLevel, x.County }).Select(g => new { g.Key.KeyLevel, g.Key.County, Count = g.Count() }).ToListAsync();
        return groups.Select(g => (g.KeyLevel ?? "", g.County, g.Count)).ToList();
    }
}
