using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Jobs;

public abstract class RecurringJobTests(TestApp app)
{
    /// <summary>Counts its runs; a unique name per test keeps the shared database's run records apart.</summary>
    private sealed class CountingJob(string name) : IRecurringJob
    {
        public int Runs;
        public string Name => name;
        public TimeSpan Period => TimeSpan.FromHours(1);
        public bool Enabled => true;

        public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref Runs);
            await Task.Delay(50, ct); // long enough for the other runners to race for the same period
            return "counted";
        }
    }

    private RecurringJobRunner Runner(IRecurringJob job) =>
        new(app.Factory.Services, [job], NullLogger<RecurringJobRunner>.Instance);

    [Fact]
    public async Task A_job_runs_once_per_period_however_many_servers_try()
    {
        var job = new CountingJob("test-" + Guid.NewGuid().ToString("N")[..8]);
        var now = new DateTime(2026, 11, 23, 10, 15, 0, DateTimeKind.Utc);
        // Four "servers" (runners with their own identity) race for the same period.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner(job).RunDueAsync(now, CancellationToken.None))));
        Assert.Equal(1, job.Runs);
        Assert.Equal(1, results.Count(r => r.Count == 1));

        // Later in the same hour nothing runs; the next hour runs again.
        Assert.Empty(await Runner(job).RunDueAsync(now.AddMinutes(40), CancellationToken.None));
        Assert.Single(await Runner(job).RunDueAsync(now.AddMinutes(50), CancellationToken.None));
        Assert.Equal(2, job.Runs);

        var runs = await app.WithDb((db, _) => db.JobRuns.AsNoTracking().Where(r => r.Name == job.Name).OrderBy(r => r.Period).ToListAsync());
        Assert.Equal(["2026-11-23T10:00", "2026-11-23T11:00"], runs.Select(r => r.Period));
        Assert.All(runs, r => Assert.Equal("counted", r.Outcome));
        Assert.All(runs, r => Assert.True(r.StartedAt <= r.FinishedAt));
    }

    [Fact]
    public async Task A_failed_run_is_recorded_and_not_repeated_within_its_period()
    {
        var name = "fail-" + Guid.NewGuid().ToString("N")[..8];
        var job = new FailingJob(name);
        var now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        Assert.Single(await Runner(job).RunDueAsync(now, CancellationToken.None));
        Assert.Empty(await Runner(job).RunDueAsync(now.AddMinutes(5), CancellationToken.None));
        var run = await app.WithDb((db, _) => db.JobRuns.AsNoTracking().SingleAsync(r => r.Name == name));
        Assert.Equal("failed: InvalidOperationException", run.Outcome);
    }

    [Fact]
    public void Periods_are_the_same_on_every_server()
    {
        var day = TimeSpan.FromDays(1);
        Assert.Equal("2026-11-23T00:00", RecurringJobRunner.PeriodOf(new DateTime(2026, 11, 23, 23, 59, 59, DateTimeKind.Utc), day));
        Assert.Equal("2026-11-24T00:00", RecurringJobRunner.PeriodOf(new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), day));
        Assert.Equal("2026-11-23T10:30", RecurringJobRunner.PeriodOf(new DateTime(2026, 11, 23, 10, 44, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task The_audit_purge_keeps_lines_younger_than_the_legal_minimum()
    {
        var marker = "purge-test-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDb(async (db, _) =>
        {
            foreach (var age in new[] { 200, 100 })
                db.AuditEntries.Add(new Tongxin.Common.Audit.AuditEntry { Action = "test", At = DateTime.UtcNow.AddDays(-age), Summary = $"{marker} {age}" });
            return await db.SaveChangesAsync();
        });
        // Asking for 30 days still keeps everything younger than 186 days.
        var deleted = await app.WithDb((db, _) => Tongxin.Features.AuditLog.AuditPurge.RunAsync(db, days: 30));
        Assert.Equal(1, deleted);
        var left = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.Summary!.StartsWith(marker)).Select(a => a.Summary).ToListAsync());
        Assert.Equal([$"{marker} 100"], left);
        Assert.True(await app.WithDb((db, _) => db.AuditEntries.AnyAsync(a => a.Action == "audit-purge" && a.Summary == "清理186天前的日志 1 条")));
    }

    private sealed class FailingJob(string name) : IRecurringJob
    {
        public string Name => name;
        public TimeSpan Period => TimeSpan.FromHours(1);
        public bool Enabled => true;
        public Task<string> RunAsync(IServiceProvider services, CancellationToken ct) => throw new InvalidOperationException("boom");
    }
}

public sealed class RecurringJobTestsOnSqlite(SqliteApp app) : RecurringJobTests(app), IClassFixture<SqliteApp>;
public sealed class RecurringJobTestsOnPostgres(PostgresApp app) : RecurringJobTests(app), IClassFixture<PostgresApp>;
