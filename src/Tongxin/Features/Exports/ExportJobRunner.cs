using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Jobs;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;

namespace Tongxin.Features.Exports;

/// <summary>
/// Runs queued exports: the workbook is written to a local working copy with the requester's scope and
/// name, then kept in the file store for them. Rows written are saved to the job every second (an export
/// only reads, so the write never waits behind it, on SQLite either), which also renews the lease; a
/// server that dies mid-export leaves a job another server starts again once the lease has run out.
/// </summary>
public sealed class ExportJobRunner(IServiceProvider services, ExportJobQueue queue, ExportFiles files, ImportFiles working,
    IConfiguration configuration, ILogger<ExportJobRunner> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    // Progress is saved every second and renews the lease each time (a heartbeat), so a short lease suffices.
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _lease = JobLease.From(configuration).Length;
    private readonly string _me = QueuedJobs.NewServerName();

    protected override Task ExecuteAsync(CancellationToken stop) =>
        QueuedJobs.PollAsync(ct => QueuedJobs.TryRunNextAsync(services, db => db.ExportJobs, _me, _lease, RunAsync, ct), queue, Poll, log, stop);

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        var job = await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        // From here on the job sees exactly what its requester saw when they asked: their region's subtree.
        scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(DataScopeHolder.ForRegion(job.RegionCode));
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(job.UserId, job.UserName);

        var exporter = new FigureExporter(db);
        var path = working.NewWorkingPath(".export.xlsx");
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? reporting = null;
        string? token = null, error = null;
        try
        {
            var filter = JsonSerializer.Deserialize<FigureFilter>(job.Filter, ExportJson.Options)!;
            var query = await filter.ApplyAsync(db, db.Figures);
            var total = await query.CountAsync(ct);
            await UpdateAsync(id, s => s.SetProperty(j => j.TotalRows, total), ct);
            reporting = ReportProgressAsync(id, exporter, stopReporting.Token);
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                await exporter.WriteAsync(stream, query, ct);
            token = await files.SaveAsync(job.UserId, path, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "Export job {JobId} failed", id);
            error = "导出失败，请稍后重试或联系管理员";
        }
        finally
        {
            await stopReporting.CancelAsync();
            if (reporting is not null) await reporting;
            LocalFiles.TryDelete(path);
        }
        if (ct.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once rather than after the lease.
            await UpdateAsync(id, s => s.SetProperty(j => j.State, JobStates.Queued).SetProperty(j => j.LockedUntil, (DateTime?)null), CancellationToken.None);
            return;
        }
        var rows = exporter.Count;
        var state = error is null ? JobStates.Done : JobStates.Failed;
        var finishedAt = DateTime.UtcNow;
        await UpdateAsync(id, s => s.SetProperty(j => j.State, state).SetProperty(j => j.FileToken, token).SetProperty(j => j.Error, error)
            .SetProperty(j => j.ProcessedRows, rows).SetProperty(j => j.TotalRows, j => error == null ? rows : j.TotalRows)
            .SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.LockedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Saves the rows written so far every second, renewing the lease, until the export ends.</summary>
    private async Task ReportProgressAsync(Guid id, FigureExporter exporter, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var rows = exporter.Count;
                var until = DateTime.UtcNow + _lease;
                try { await UpdateAsync(id, s => s.SetProperty(j => j.ProcessedRows, rows).SetProperty(j => j.LockedUntil, until), stop); }
                catch (Exception e) when (!stop.IsCancellationRequested) { log.LogWarning(e, "Export job {JobId}: progress not saved", id); }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested) { } // the export has ended
    }

    /// <summary>An update of this server's job row, outside the export's own unit of work.</summary>
    private async Task UpdateAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ExportJob>> set, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        await scope.ServiceProvider.GetRequiredService<TongxinDb>().ExportJobs.Where(j => j.Id == id && j.LockedBy == _me)
            .ExecuteUpdateAsync(set, ct);
    }
}
