using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.OrgUnits;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.HelpRequests;

/// <summary>
/// The statistics endpoint's grouped queries against a reference computed here, row by row in memory, over a varied set
/// of requests (every status, category, two counties, satisfaction, parts pending, answered, returned and overdue), in
/// the city's scope, one county's, and one year's; and another district's requests never counted.
/// </summary>
public abstract class HelpRequestStatisticsTests(TestApp app)
{
    private static readonly string[] Categories = ["office", "logistics", "policy", "legal", "financing", "promotion", "training", "other"];

    [Fact]
    public async Task The_grouped_statistics_equal_a_row_by_row_reference_in_every_scope()
    {
        await Seed();
        var staff = await app.As("staff_city");
        var thisYear = HelpRequest.Today(DateTime.UtcNow).Year;
        foreach (var (query, low, high, year) in new (string, string, string, int?)[]
                 {
                     ("", "5105", "5106", null),
                     ("?regionCode=510502", "510502", "510503", null),
                     ($"?year={thisYear - 1}", "5105", "5106", thisYear - 1),
                     ($"?regionCode=510503&year={thisYear}", "510503", "510504", thisYear),
                 })
        {
            var actual = await staff.GetJson("/api/help-requests/stats" + query);
            var expected = await Reference(low, high, year);
            Assert.True(expected.Total > 0, query);
            Assert.Equal(expected.Total, actual["total"]!.GetValue<int>());
            Assert.Equal(expected.Solved, actual["solved"]!.GetValue<int>());
            Near(expected.Days, actual["averageDaysToSolve"], query);
            foreach (var (key, count) in expected.ByStatus)
                Assert.Equal(count, Row(actual["byStatus"]!, key)!["count"]!.GetValue<int>());
            foreach (var (key, count) in expected.Satisfaction)
                Assert.Equal(count, Row(actual["satisfaction"]!, key)!["count"]!.GetValue<int>());
            Same(expected.ByCategory, actual["byCategory"]!, query);
            Same(expected.ByCounty, actual["byRegion"]!, query);
            var units = actual["byUnit"]!.AsArray();
            Assert.Equal(expected.ByUnit.Count, units.Count);
            foreach (var u in expected.ByUnit)
            {
                var row = units.Single(x => x!["unitId"]!.GetValue<long>() == u.Id)!;
                Assert.Equal((u.Routed, u.Replied, u.Returned, u.Overdue),
                    (row["routed"]!.GetValue<int>(), row["replied"]!.GetValue<int>(), row["returned"]!.GetValue<int>(), row["overdue"]!.GetValue<int>()));
            }
            var trend = actual["trend"]!.AsArray();
            Assert.Equal(12, trend.Count);
            foreach (var m in trend)
            {
                var solved = expected.Trend.GetValueOrDefault(m!["month"]!.GetValue<string>());
                Assert.Equal(solved.Count, m["solved"]!.GetValue<int>());
                Near(solved.Days, m["averageDays"], query);
            }
        }
    }

    private static JsonNode? Row(JsonNode list, string key) => list.AsArray().SingleOrDefault(x => x!["key"]!.GetValue<string>() == key);

    private static void Near(double? expected, JsonNode? actual, string context)
    {
        if (expected is null) Assert.Null(actual);
        else Assert.True(Math.Abs(expected.Value - actual!.GetValue<double>()) <= 0.051, $"{context}: {expected} ≠ {actual}");
    }

    private static void Same(Dictionary<string, (int Count, int Solved, double? Days)> expected, JsonNode actual, string context)
    {
        Assert.Equal(expected.Count, actual.AsArray().Count);
        foreach (var (key, e) in expected)
        {
            var row = Row(actual, key)!;
            Assert.Equal((e.Count, e.Solved), (row["count"]!.GetValue<int>(), row["solved"]!.GetValue<int>()));
            Near(e.Days, row["averageDays"], context + " " + key);
        }
    }

    private sealed record Expected(int Total, int Solved, double? Days, Dictionary<string, int> ByStatus, Dictionary<string, int> Satisfaction,
        Dictionary<string, (int, int, double?)> ByCategory, Dictionary<string, (int, int, double?)> ByCounty,
        List<(long Id, int Routed, int Replied, int Returned, int Overdue)> ByUnit, Dictionary<string, (int Count, double? Days)> Trend);

    /// <summary>The statistics computed row by row over every request of the range (and year) loaded into memory.</summary>
    private async Task<Expected> Reference(string low, string high, int? year) => await app.WithDb(async (db, _) =>
    {
        var all = await db.HelpRequests.AsNoTracking().Include(r => r.Parts).ToListAsync();
        var rows = all.Where(r => string.CompareOrdinal(r.RegionCode, low) >= 0 && string.CompareOrdinal(r.RegionCode, high) < 0)
            .Where(r => year is not { } y || r.CreatedAt.AddHours(8).Year == y).ToList();
        var today = HelpRequest.Today(DateTime.UtcNow);
        static double? Avg(IEnumerable<HelpRequest> g) => g.Where(r => r.DaysToSolve != null).Select(r => r.DaysToSolve!.Value) is var d && d.Any()
            ? Math.Round(d.Average(), 1) : null;
        static string Camel(object e) => char.ToLowerInvariant(e.ToString()![0]) + e.ToString()![1..];
        var since = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        return new Expected(rows.Count, rows.Count(r => r.DaysToSolve != null), Avg(rows),
            rows.GroupBy(r => Camel(r.Status)).ToDictionary(g => g.Key, g => g.Count()),
            rows.Where(r => r.Satisfaction != null).GroupBy(r => Camel(r.Satisfaction!)).ToDictionary(g => g.Key, g => g.Count()),
            rows.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.DaysToSolve != null), Avg(g))),
            rows.GroupBy(r => r.RegionCode[..6]).ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.DaysToSolve != null), Avg(g))),
            rows.SelectMany(r => r.Parts.Select(p => (r, p))).GroupBy(x => x.p.OrgUnitId).Select(g => (g.Key, g.Count(),
                g.Count(x => x.p.Status == PartStatus.Replied), g.Count(x => x.p.Status == PartStatus.Returned),
                g.Count(x => HelpRequest.IsOverdue(x.p, x.r.Status, today)))).ToList(),
            rows.Where(r => r.CompletedAt >= since).GroupBy(r => $"{r.CompletedAt:yyyy-MM}").ToDictionary(g => g.Key, g => (g.Count(), Avg(g))));
    });

    /// <summary>
    /// 120 requests written directly (the workflow is tested elsewhere): statuses, categories, counties and dates drawn from a
    /// fixed seed, solved ones with days and satisfaction, routed ones with parts in every state; and a few in 自贡 (out of scope).
    /// </summary>
    private async Task Seed() => await app.WithDb(async (db, _) =>
    {
        if (await db.HelpRequests.AnyAsync(r => r.Title.StartsWith("统计样本"))) return 0;
        var units = new List<OrgUnit>();
        foreach (var name in new[] { "统计网信办", "统计商务局", "统计司法局" })
            units.Add(db.OrgUnits.Add(new OrgUnit { Name = name, Kind = "memberUnit", RegionCode = "510500" }).Entity);
        await db.SaveChangesAsync();
        var rng = new Random(21);
        var now = DateTime.UtcNow;
        string[] regions = ["510502001", "510502", "510503", "510503", "510300"];
        var today = HelpRequest.Today(now);
        for (var i = 0; i < 120; i++)
        {
            var status = (HelpRequestStatus)(i % 6);
            var created = now.AddDays(-rng.Next(1, 600)).AddMinutes(-rng.Next(1440));
            var r = new HelpRequest
            {
                RegionCode = regions[rng.Next(regions.Length)],
                Category = Categories[rng.Next(Categories.Length)],
                Title = $"统计样本{i}",
                Status = status,
                CreatedAt = created,
                LastActionAt = created,
            };
            if (status >= HelpRequestStatus.Completed)
            {
                var days = Math.Round(rng.NextDouble() * 40 + 0.5, 2);
                r.CompletedAt = created.AddDays(days);
                r.DaysToSolve = days;
                if (status == HelpRequestStatus.Visited) r.Satisfaction = (Satisfaction)rng.Next(3);
            }
            if (status >= HelpRequestStatus.Routed)
                for (var p = 0; p <= i % 3; p++)
                    r.Parts.Add(new HelpRequestPart
                    {
                        OrgUnitId = units[(i + p) % units.Count].Id,
                        UnitName = units[(i + p) % units.Count].Name,
                        Deadline = today.AddDays(rng.Next(-20, 20)),
                        Status = (PartStatus)rng.Next(4),
                        RoutedAt = created,
                    });
            db.HelpRequests.Add(r);
        }
        return await db.SaveChangesAsync();
    });
}

public sealed class HelpRequestStatisticsTestsOnSqlite(SqliteApp app) : HelpRequestStatisticsTests(app), IClassFixture<SqliteApp>;
public sealed class HelpRequestStatisticsTestsOnPostgres(PostgresApp app) : HelpRequestStatisticsTests(app), IClassFixture<PostgresApp>;
