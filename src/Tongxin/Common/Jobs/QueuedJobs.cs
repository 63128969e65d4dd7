using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Common.Jobs;

/// <summary>The claiming and polling shared by every runner of <see cref="IQueuedJob"/>s.</summary>
public static class QueuedJobs
{
    /// <summary>A name for this server's leases, unique per process.</summary>
    public static string NewServerName() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims the oldest waiting job of a table and runs it; false when none waits.</summary>
    /// <param name="claimStale">Whether a running job whose lease ran out is claimed again (run from the start) or left
    /// to the runner to judge (<see cref="StaleAsync{T}"/>).</param>
    public static async Task<bool> TryRunNextAsync<T>(IServiceProvider services, Func<TongxinDb, DbSet<T>> table, string server,
        TimeSpan lease, Func<Guid, CancellationToken, Task> run, CancellationToken ct, bool claimStale = true) where T : class, IQueuedJob
    {
        Guid? id;
        using (var scope = services.CreateUnrestrictedScope())
            id = await ClaimNextAsync(table(scope.ServiceProvider.GetRequiredService<TongxinDb>()), server, lease, ct, claimStale);
        if (id is null) return false;
        if (id != Guid.Empty) await run(id.Value, ct); // Guid.Empty: another server took it; look for the next one
        return true;
    }

    /// <summary>
    /// Claims the oldest waiting job with a conditional UPDATE (state queued, or running with an expired
    /// lease after a crash), so several servers never run the same job. Null when none waits; Guid.Empty
    /// when another server took it first (look again).
    /// </summary>
    public static async Task<Guid?> ClaimNextAsync<T>(DbSet<T> jobs, string server, TimeSpan lease, CancellationToken ct, bool claimStale = true)
        where T : class, IQueuedJob
    {
        var now = DateTime.UtcNow;
        var id = await Claimable(jobs, now, claimStale).OrderBy(j => j.CreatedAt).Select(j => j.Id).FirstOrDefaultAsync(ct);
        if (id == Guid.Empty) return null;
        var until = now + lease;
        var claimed = await Claimable(jobs, now, claimStale).Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Running).SetProperty(j => j.LockedBy, server)
                .SetProperty(j => j.LockedUntil, until), ct);
        return claimed == 1 ? id : Guid.Empty;
    }

    private static IQueryable<T> Claimable<T>(DbSet<T> jobs, DateTime now, bool claimStale) where T : class, IQueuedJob =>
        claimStale
            ? jobs.Where(j => (j.State == JobStates.Queued || j.State == JobStates.Running) && (j.LockedUntil == null || j.LockedUntil < now))
            : jobs.Where(j => j.State == JobStates.Queued && (j.LockedUntil == null || j.LockedUntil < now));

    /// <summary>
    /// Running jobs whose server stopped renewing the lease (it died): the runner decides what each becomes. With
    /// <paramref name="everyRunning"/> every running job counts (an embedded database has one server, which has just started).
    /// </summary>
    public static Task<List<Guid>> StaleAsync<T>(DbSet<T> jobs, bool everyRunning, CancellationToken ct) where T : class, IQueuedJob
    {
        var now = DateTime.UtcNow;
        return jobs.AsNoTracking().Where(j => j.State == JobStates.Running && (everyRunning || j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Renews the lease of a running job every <see cref="JobLease.Heartbeat"/> until <paramref name="stop"/>, in a scope
    /// (and connection) of its own. A renewal that fails is logged and tried again at the next beat.
    /// </summary>
    public static async Task HeartbeatAsync<T>(IServiceProvider services, Func<TongxinDb, DbSet<T>> table, Guid id, string server,
        JobLease lease, ILogger log, CancellationToken stop) where T : class, IQueuedJob
    {
        using var timer = new PeriodicTimer(lease.Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    using var scope = services.CreateUnrestrictedScope();
                    var until = DateTime.UtcNow + lease.Length;
                    await table(scope.ServiceProvider.GetRequiredService<TongxinDb>())
                        .Where(j => j.Id == id && j.LockedBy == server && j.State == JobStates.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until), stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    log.LogWarning(e, "Job {JobId}: lease not renewed", id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Hands a job this server holds back to the queue at once (a graceful stop), instead of after its lease.</summary>
    public static async Task ReleaseAsync<T>(IServiceProvider services, Func<TongxinDb, DbSet<T>> table, Guid id, string server)
        where T : class, IQueuedJob
    {
        using var scope = services.CreateUnrestrictedScope();
        await table(scope.ServiceProvider.GetRequiredService<TongxinDb>())
            .Where(j => j.Id == id && j.LockedBy == server && j.State == JobStates.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Queued).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Runs jobs while there are any, then waits for a wake-up or the next poll; errors are logged and retried.</summary>
    public static async Task PollAsync(Func<CancellationToken, Task<bool>> tryRunOne, JobWakeUp wakeUp, TimeSpan poll,
        ILogger log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                while (!stop.IsCancellationRequested && await tryRunOne(stop)) { }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogError(e, "Job runner failed; retrying at the next poll");
            }
            await wakeUp.WaitAsync(poll, stop);
        }
    }
}
