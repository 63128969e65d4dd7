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
    public static async Task<bool> TryRunNextAsync<T>(IServiceProvider services, Func<TongxinDb, DbSet<T>> table, string server,
        TimeSpan lease, Func<Guid, CancellationToken, Task> run, CancellationToken ct) where T : class, IQueuedJob
    {
        Guid? id;
        using (var scope = services.CreateUnrestrictedScope())
            id = await ClaimNextAsync(table(scope.ServiceProvider.GetRequiredService<TongxinDb>()), server, lease, ct);
        if (id is null) return false;
        if (id != Guid.Empty) await run(id.Value, ct); // Guid.Empty: another server took it; look for the next one
        return true;
    }

    /// <summary>
    /// Claims the oldest waiting job with a conditional UPDATE (state queued, or running with an expired
    /// lease after a crash), so several servers never run the same job. Null when none waits; Guid.Empty
    /// when another server took it first (look again).
    /// </summary>
    public static async Task<Guid?> ClaimNextAsync<T>(DbSet<T> jobs, string server, TimeSpan lease, CancellationToken ct)
        where T : class, IQueuedJob
    {
        var now = DateTime.UtcNow;
        var id = await jobs.AsNoTracking()
            .Where(j => (j.State == JobStates.Queued || j.State == JobStates.Running) && (j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).FirstOrDefaultAsync(ct);
        if (id == Guid.Empty) return null;
        var until = now + lease;
        var claimed = await jobs
            .Where(j => j.Id == id && (j.State == JobStates.Queued || j.State == JobStates.Running) && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobStates.Running).SetProperty(j => j.LockedBy, server)
                .SetProperty(j => j.LockedUntil, until), ct);
        return claimed == 1 ? id : Guid.Empty;
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
