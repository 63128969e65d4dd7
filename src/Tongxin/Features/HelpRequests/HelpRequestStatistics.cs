using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;

namespace Tongxin.Features.HelpRequests;

public sealed record StatCount(string Key, string Label, int Count, int Solved, double? AverageDays);

public sealed record UnitStat(long UnitId, string UnitName, int Routed, int Replied, int Returned, int Overdue);

public sealed record MonthSolved(string Month, int Solved, double? AverageDays);

public sealed record SatisfactionShare(string Key, string Label, int Count, double Share);

public sealed record HelpRequestStats(int Total, int Solved, double? AverageDaysToSolve, List<SatisfactionShare> Satisfaction,
    List<StatCount> ByStatus, List<StatCount> ByCategory, List<StatCount> ByRegion, List<UnitStat> ByUnit, List<MonthSolved> Trend);

public static class HelpRequestStatistics
{
    private static readonly HelpRequestStatus[] SolvedStates = [HelpRequestStatus.Completed, HelpRequestStatus.Visited];

    /// <summary>
    /// GET /api/help-requests/stats: solved count, average days to solve, satisfaction shares, and counts by status,
    /// category, county and unit, with the days-to-solve trend of the last twelve months; grouped by the database.
    /// </summary>
    public static async Task<Ok<HelpRequestStats>> Handle(TongxinDb db, string? regionCode, int? year)
    {
        var query = db.HelpRequests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Within(await ScopedRegions.RequireSubtree(db, regionCode));
        if (year is { } y)
        {
            if (y is < 2000 or > 2100) throw FieldValidationException.Single("year", "年份无效");
            var from = new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
            var to = from.AddYears(1);
            query = query.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        }
        var dictionary = new DictionaryCodes(db);

        // One grouped pass over the requests gives the counts by status, category, county and satisfaction and the
        // days-to-solve sums; the breakdowns are added up here from those few hundred rows.
        var groups = await query.GroupBy(r => new { r.Status, r.Category, r.Satisfaction, County = r.RegionCode.Substring(0, 6) })
            .Select(g => new
            {
                g.Key.Status,
                g.Key.Category,
                g.Key.Satisfaction,
                g.Key.County,
                Count = g.Count(),
                Solved = g.Count(r => r.DaysToSolve != null),
                Days = g.Sum(r => r.DaysToSolve),
            }).ToListAsync();
        var byStatus = groups.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byCategory = groups.GroupBy(x => x.Category).Select(g => Breakdown(g.Key, g.Select(x => (x.Count, x.Solved, x.Days)))).ToList();
        var byCounty = groups.GroupBy(x => x.County).Select(g => Breakdown(g.Key, g.Select(x => (x.Count, x.Solved, x.Days)))).ToList();
        var satisfaction = groups.Where(x => x.Satisfaction != null).GroupBy(x => x.Satisfaction!.Value)
            .Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var overall = Breakdown("", groups.Select(x => (x.Count, x.Solved, x.Days)));

        // The units' share: the parts joined once to the requests in scope and grouped by unit (no subquery per unit or part).
        // (The parts keep their own region filter: IgnoreQueryFilters would drop the requests' filter too, for the whole query.)
        var today = HelpRequest.Today(DateTime.UtcNow);
        var byUnit = await (
                from p in db.HelpRequestParts
                join r in query on p.HelpRequestId equals r.Id
                select new { p.OrgUnitId, p.UnitName, p.Status, p.Deadline, RequestStatus = r.Status })
            .GroupBy(p => p.OrgUnitId).Select(g => new
            {
                g.Key,
                Name = g.Max(p => p.UnitName),
                Routed = g.Count(),
                Replied = g.Count(p => p.Status == PartStatus.Replied),
                Returned = g.Count(p => p.Status == PartStatus.Returned),
                Overdue = g.Count(p => p.Status == PartStatus.Pending && p.Deadline < today
                                       && (p.RequestStatus == HelpRequestStatus.Routed || p.RequestStatus == HelpRequestStatus.InProgress)),
            }).ToListAsync();

        var since = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var months = await query.Where(r => r.CompletedAt != null && r.CompletedAt >= since)
            .GroupBy(r => new { r.CompletedAt!.Value.Year, r.CompletedAt.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Days = g.Average(r => r.DaysToSolve) }).ToListAsync();

        var countyCodes = byCounty.Select(c => c.Key).ToList();
        var countyNames = await db.Regions.Where(r => countyCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
        var visited = satisfaction.Sum(s => s.Count);
        return TypedResults.Ok(new HelpRequestStats(
            overall.Count,
            overall.Solved,
            Round(overall.Days),
            Enum.GetValues<Satisfaction>().Select(s =>
            {
                var n = satisfaction.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
                return new SatisfactionShare(Camel(s), HelpRequestNames.Satisfaction(s), n, visited == 0 ? 0 : Math.Round((double)n / visited, 4));
            }).ToList(),
            Enum.GetValues<HelpRequestStatus>().Select(s =>
            {
                var n = byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
                return new StatCount(Camel(s), HelpRequestNames.Status(s), n, SolvedStates.Contains(s) ? n : 0, null);
            }).ToList(),
            byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.Key).Select(c => new StatCount(c.Key, dictionary.Label(CreateHelpRequest.CategoryType, c.Key),
                c.Count, c.Solved, Round(c.Days))).ToList(),
            byCounty.OrderBy(c => c.Key).Select(c => new StatCount(c.Key, countyNames.GetValueOrDefault(c.Key, c.Key), c.Count, c.Solved,
                Round(c.Days))).ToList(),
            byUnit.OrderByDescending(u => u.Routed).ThenBy(u => u.Key).Select(u => new UnitStat(u.Key, u.Name ?? "", u.Routed,
                u.Replied, u.Returned, u.Overdue)).ToList(),
            Enumerable.Range(0, 12).Select(i => since.AddMonths(i)).Select(m =>
            {
                var row = months.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month);
                return new MonthSolved($"{m:yyyy-MM}", row?.Count ?? 0, Round(row?.Days));
            }).ToList()));
    }

    private sealed record Tally(string Key, int Count, int Solved, double? Days);

    /// <summary>Adds up grouped rows: counts, solved counts, and the average days over the solved ones.</summary>
    private static Tally Breakdown(string key, IEnumerable<(int Count, int Solved, double? Days)> rows)
    {
        var (count, solved, days) = (0, 0, 0.0);
        foreach (var row in rows)
        {
            count += row.Count;
            solved += row.Solved;
            days += row.Days ?? 0;
        }
        return new Tally(key, count, solved, solved == 0 ? null : days / solved);
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 1) : null;

    private static string Camel<T>(T value) where T : struct, Enum =>
        value.ToString() is var s && s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : "";
}
