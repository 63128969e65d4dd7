using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Jobs;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Imports;

/// <summary>
/// Runs queued import jobs. A job is claimed in the database with a conditional UPDATE, so several servers never
/// run the same job; while it runs its lease (<see cref="JobLease"/>, 45 s) is renewed by a heartbeat.
/// <list type="bullet">
/// <item>A graceful stop cancels the import (its single transaction rolls back) and hands the job back to the
/// queue at once: the next server, or this one after its restart, runs it from the start.</item>
/// <item>A job whose server died (its lease ran out; on SQLite, every running job when the only server starts) is
/// not run again — a file that brought a server down would bring down the next — but shown failed with the
/// rows it had reached, or, when its batch exists (it died after the commit), done with that batch's report.</item>
/// <item>The batch records its job (unique), so a run that finds its batch, or loses the race to write it, stops.</item>
/// </list>
/// </summary>
public sealed class ImportJobRunner(IServiceProvider services, ImportJobQueue queue, ImportFiles files, DatabaseOptions options,
    IConfiguration configuration, ILogger<ImportJobRunner> log) : BackgroundService
{
    public const string InterruptedMessage = "导入中断：服务器在导入过程中停止，本次导入未写入任何数据，请重新导入";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly JobLease _lease = JobLease.From(configuration);
    private readonly string _me = QueuedJobs.NewServerName();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // An embedded database has this server alone: a job still running at its start was left by a process that is gone.
        if (!options.IsPostgres)
        {
            try { await FinishStaleAsync(everyRunning: true, stop); }
            catch (Exception e) when (!stop.IsCancellationRequested) { log.LogError(e, "Interrupted import jobs not judged at start"); }
        }
        await QueuedJobs.PollAsync(TryRunOneAsync, queue, Poll, log, stop);
    }

    /// <summary>Judges jobs whose server died, then claims and runs one job; false when there was none to claim.</summary>
    public async Task<bool> TryRunOneAsync(CancellationToken ct)
    {
        await FinishStaleAsync(everyRunning: false, ct);
        return await QueuedJobs.TryRunNextAsync(services, db => db.ImportJobs, _me, _lease.Length, RunAsync, ct, claimStale: false);
    }

    /// <summary>Running jobs whose server died: done when their batch exists, else failed with the rows they had reached.</summary>
    public async Task FinishStaleAsync(bool everyRunning, CancellationToken ct)
    {
        List<Guid> stale;
        using (var scope = services.CreateUnrestrictedScope())
            stale = await QueuedJobs.StaleAsync(scope.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs, everyRunning, ct);
        foreach (var id in stale)
        {
            if (await FinishIfCommittedAsync(id, ct)) continue;
            using var scope = services.CreateUnrestrictedScope();
            var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            var now = DateTime.UtcNow;
            var progress = Math.Max(queue.ProgressOf(id), 0);
            var failed = await Stale(db, id, everyRunning, now).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobStates.Failed)
                .SetProperty(j => j.Report, InterruptedMessage).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ProcessedRows, j => j.ProcessedRows > progress ? j.ProcessedRows : progress)
                .SetProperty(j => j.LockedUntil, (DateTime?)null), ct);
            if (failed == 1)
            {
                log.LogWarning("Import job {JobId} was interrupted (its server stopped); shown as failed", id);
                await DeleteUploadAsync(db, id);
            }
        }
    }

    private static IQueryable<ImportJob> Stale(TongxinDb db, Guid id, bool everyRunning, DateTime now) =>
        db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobStates.Running && (everyRunning || j.LockedUntil == null || j.LockedUntil < now));

    /// <summary>When a batch records this job, the job is done: its report is the batch's. True when so.</summary>
    private async Task<bool> FinishIfCommittedAsync(Guid id, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.JobId == id, ct);
        if (batch is null) return false;
        var report = JsonSerializer.Serialize(new ImportReport
        {
            Mode = ImportModes.Commit,
            Committed = true,
            TotalRows = batch.TotalRows,
            Created = batch.Created,
            Updated = batch.Updated,
            Unchanged = Math.Max(0, batch.TotalRows - batch.Created - batch.Updated),
            Errors = [],
            UnknownColumns = [],
            BatchId = batch.Id,
        }, ImportJson.Options);
        var now = DateTime.UtcNow;
        var done = await db.ImportJobs.Where(j => j.Id == id && j.State != ImportJobStates.Done)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobStates.Done).SetProperty(j => j.Report, report)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.ProcessedRows, j => j.TotalRows), ct);
        if (done == 1)
        {
            log.LogWarning("Import job {JobId} had committed batch {BatchId} before its server stopped; marked done", id, batch.Id);
            await DeleteUploadAsync(db, id);
        }
        return true;
    }

    private async Task DeleteUploadAsync(TongxinDb db, Guid id)
    {
        var stored = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.StoredFile).FirstOrDefaultAsync();
        if (stored is not null) await files.DeleteUploadAsync(stored);
        queue.Forget(id);
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        // A run of this job committed and its server died before saying so: the batch is the outcome.
        if (await FinishIfCommittedAsync(id, ct)) return;
        using var scope = services.CreateUnrestrictedScope();
        var sp = scope.ServiceProvider;
        var holder = sp.GetRequiredService<DataScopeHolder>();
        var db = sp.GetRequiredService<TongxinDb>();
        var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // On SQLite the commit's transaction holds the only write lock, so a renewal would wait behind it; there the
        // only server judges its jobs at start instead (see ExecuteAsync).
        var heartbeat = queue.WritesProgressToDatabase || job.Mode != ImportModes.Commit
            ? QueuedJobs.HeartbeatAsync(services, d => d.ImportJobs, id, _me, _lease, log, beat.Token) : Task.CompletedTask;
        string? path = null;
        string? state = null, report = null;
        try
        {
            path = await files.FetchUploadAsync(job.StoredFile, ct) ?? throw new ImportFileException("导入文件已不存在，请重新上传");
            // The job acts with its importer's scope and name, exactly as the request would have.
            holder.Use(DataScopeHolder.ForRegion(job.RegionCode));
            sp.GetRequiredService<CurrentActor>().Use(job.UserId, job.UserName ?? "system");
            var sheet = FigureSheetReader.Open(path);
            var result = await sp.GetRequiredService<FigureImporter>().RunAsync(sheet,
                new ImportRequest(path, job.FileName, job.Mode, job.RegionCode, job.UserId, ValueMappings.FromJson(job.Mappings), id),
                n => ReportProgressAsync(id, n, ct), ct);
            state = ImportJobStates.Done;
            report = JsonSerializer.Serialize(result, ImportJson.Options);
        }
        catch (ImportFileException e)
        {
            state = ImportJobStates.Failed;
            report = e.Message;
        }
        catch (Exception e) when (ct.IsCancellationRequested)
        {
            log.LogInformation(e, "Import job {JobId} stopped with the server; handed back to the queue", id);
        }
        catch (Exception e)
        {
            if (await FinishIfCommittedAsync(id, CancellationToken.None)) return; // another run wrote the batch first
            log.LogError(e, "Import job {JobId} failed", id);
            state = ImportJobStates.Failed;
            report = "导入失败，请稍后重试或联系管理员";
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat;
            LocalFiles.TryDelete(path);
        }
        if (state is null)
        {
            // Graceful stop: the transaction rolled back, nothing of the file is written. Unless the commit made it just before.
            if (await FinishIfCommittedAsync(id, CancellationToken.None)) return;
            await QueuedJobs.ReleaseAsync(services, d => d.ImportJobs, id, _me);
            using var reset = services.CreateUnrestrictedScope();
            await reset.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs.Where(j => j.Id == id && j.State == ImportJobStates.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, 0), CancellationToken.None);
            queue.Forget(id);
            return;
        }
        using var done = services.CreateUnrestrictedScope();
        var finishedAt = DateTime.UtcNow;
        await done.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.Report, report)
                .SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.ProcessedRows, j => state == ImportJobStates.Done ? j.TotalRows : j.ProcessedRows), CancellationToken.None);
        queue.Forget(id);
        await files.DeleteUploadAsync(job.StoredFile);
    }

    private async Task ReportProgressAsync(Guid id, int rows, CancellationToken ct)
    {
        queue.SetProgress(id, rows);
        if (!queue.WritesProgressToDatabase) return;
        using var scope = services.CreateUnrestrictedScope();
        var until = DateTime.UtcNow + _lease.Length;
        await scope.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs.Where(j => j.Id == id && j.LockedBy == _me)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, rows).SetProperty(j => j.LockedUntil, until), ct);
    }
}
