using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Notifications;

namespace Tongxin.Bench;

/// <summary>
/// The bell and the inbox: the unread count and the first page (with its total) as the endpoints query them, for a bench
/// user with a busy inbox and for a synthetic member in the middle of the table. Budget: p99 under 20 ms at 20M rows.
/// </summary>
public static class NotificationScenarios
{
    public static async Task RunAsync(BenchConfig config, Report report, int iterations, string? only)
    {
        await using var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance);
        var figures = await db.Figures.CountAsync();
        var benchCity = await db.Users.Where(u => u.UserName == "bench_city").Select(u => u.Id).FirstAsync();
        foreach (var (label, user) in new[] { ("bench user", benchCity), ("member", Generator.MemberUserId(Math.Max(1, figures / 2))) })
        {
            await Measure(report, config, $"notifications: unread count ({label})", only, iterations,
                () => db.Notifications.Where(n => n.UserId == user).CountAsync(n => n.ReadAt == null));
            await Measure(report, config, $"notifications: inbox first page ({label})", only, iterations, async () =>
            {
                var query = db.Notifications.AsNoTracking().Where(n => n.UserId == user);
                var total = await query.CountAsync();
                var rows = await query.OrderByDescending(n => n.Id).Take(20).ToListAsync();
                return total + rows.Count;
            });
        }
    }

    private static async Task Measure(Report report, BenchConfig config, string name, string? only, int iterations, Func<Task<int>> run)
    {
        if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) return;
        var times = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var p99 = Report.Percentile(times, 0.99);
        report.Add(new Measurement(name, config.Provider, Report.Percentile(times, 0.5), p99, 1000 / Math.Max(0.001, times.Average()), null, null,
            "p99 < 20 ms", p99 < 20));
    }
}
