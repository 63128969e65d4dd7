using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Bench;

/// <summary>The profile query alone, one caller, no HTTP: how much of a profile request is the database.</summary>
public static class ProfileLoad
{
    public static async Task RunAsync(BenchConfig config, Report report, int rounds = 5)
    {
        var scope = new FixedScope(RegionRange.ForPrefix(DataLayerScenarios.CityPrefix));
        long[] ids;
        await using (var db = DataLayerScenarios.Open(config, scope))
            ids = await db.Figures.OrderBy(f => f.Id).Select(f => f.Id).Take(500).ToArrayAsync();
        var times = new List<double>();
        for (var round = 0; round < (Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1" ? 0 : rounds); round++)
            foreach (var id in ids)
            {
                var sw = Stopwatch.StartNew();
                // A context per call, as per request in the server.
                await using var db = DataLayerScenarios.Open(config, scope);
                _ = await GetFigure.Load(db, id) ?? throw new InvalidOperationException($"figure {id} not found");
                if (round > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            }
        if (times.Count == 0) { await using var db = DataLayerScenarios.Open(config, scope); await GetFigure.Load(db, ids[0]); return; }
        times.Sort();
        var p50 = Report.Percentile(times, 0.5);
        report.Add(new Measurement("profile query alone, 1 caller", config.Provider, p50, Report.Percentile(times, 0.99),
            1000 / Math.Max(p50, 0.001), null, null, null, null));
    }
}
