using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Common.Jobs;

/// <summary>
/// Runs every enabled <see cref="IRecurringJob"/> once per period across all servers on one database:
/// a run is claimed by inserting its (job, period) row; the insert that loses the race changes nothing.
/// A run that crashed is not repeated within its period; the next period runs it again.
/// </summary>
public sealed class RecurringJobRunner(IServiceProvider services, IEnumerable<IRecurringJob> jobs, ILogger<RecurringJobRunner> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    public string Server { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await RunDueAsync(DateTime.UtcNow, stop); }
            catch (Exception e) when (!stop.IsCancellationRequested) { log.LogError(e, "Recurring jobs failed; retrying at the next poll"); }
            try { await Task.Delay(Poll, stop); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Runs the jobs whose current period has no run yet; returns the names of those this server ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(DateTime nowUtc, CancellationToken ct)
    {
        var ran = new List<string>();
        foreach (var job in jobs.Where(j => j.Enabled))
        {
            var period = PeriodOf(nowUtc, job.Period);
            if (!await ClaimAsync(job.Name, period, ct)) continue;
            ran.Add(job.Name);
            string outcome;
            try
            {
                using var scope = services.CreateUnrestrictedScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(null, "system");
                outcome = await job.RunAsync(scope.ServiceProvider, ct);
                log.LogInformation("Recurring job {Job} for {Period}: {Outcome}", job.Name, period, outcome);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Recurring job {Job} for {Period} failed", job.Name, period);
                outcome = "failed: " + e.GetType().Name;
            }
            await FinishAsync(job.Name, period, outcome);
        }
        return ran;
    }

    /// <summary>Periods are aligned to the Unix epoch, so every server computes the same one.</summary>
    public static string PeriodOf(DateTime nowUtc, TimeSpan period)
    {
        var ticks = nowUtc.Ticks - DateTime.UnixEpoch.Ticks;
        var start = new DateTime(DateTime.UnixEpoch.Ticks + ticks - ticks % period.Ticks, DateTimeKind.Utc);
        return start.ToString("yyyy-MM-dd'T'HH:mm");
    }

    private async Task<bool> ClaimAsync(string name, string period, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        // ON CONFLICT DO NOTHING is the same on SQLite and PostgreSQL: the loser inserts no row.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobRuns" ("Name", "Period", "Server") VALUES ({name}, {period}, {Server}) ON CONFLICT DO NOTHING""", ct);
        if (inserted != 1) return false;
        var now = DateTime.UtcNow;
        await db.JobRuns.Where(r => r.Name == name && r.Period == period).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, now), ct);
        return true;
    }

    private async Task FinishAsync(string name, string period, string outcome)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        var now = DateTime.UtcNow;
        if (outcome.Length > 500) outcome = outcome[..500];
        await db.JobRuns.Where(r => r.Name == name && r.Period == period)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Outcome, outcome));
    }
}
