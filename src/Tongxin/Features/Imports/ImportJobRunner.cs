using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Jobs;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Imports;

/// <summary>
/// Runs queued import jobs. A job is claimed in the database with a conditional UPDATE (state queued,
/// or running with an expired lock after a crash — the import's single transaction means a killed
/// run left nothing behind), so several servers never run the same job.
/// </summary>
public sealed class ImportJobRunner(IServiceProvider services, ImportJobQueue queue, ImportFiles files, ILogger<ImportJobRunner> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly string _me = QueuedJobs.NewServerName();

    protected override Task ExecuteAsync(CancellationToken stop) => QueuedJobs.PollAsync(TryRunOneAsync, queue, Poll, log, stop);

    /// <summary>Claims and runs one job; false when there was none to claim.</summary>
    public Task<bool> TryRunOneAsync(CancellationToken ct) =>
        QueuedJobs.TryRunNextAsync(services, db => db.ImportJobs, _me, Lease, RunAsync, ct);

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var sp = scope.ServiceProvider;
        var holder = sp.GetRequiredService<DataScopeHolder>();
        var db = sp.GetRequiredService<TongxinDb>();
        var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        string? path = null;
        string state, report;
        try
        {
            path = await files.FetchUploadAsync(job.StoredFile, ct) ?? throw new ImportFileException("导入文件已不存在，请重新上传");
            // The job acts with its importer's scope and name, exactly as the request would have.
            holder.Use(DataScopeHolder.ForRegion(job.RegionCode));
            sp.GetRequiredService<CurrentActor>().Use(job.UserId, job.UserName ?? "system");
            var sheet = FigureSheetReader.Open(path);
            var result = await sp.GetRequiredService<FigureImporter>().RunAsync(sheet,
                new ImportRequest(path, job.FileName, job.Mode, job.RegionCode, job.UserId, ValueMappings.FromJson(job.Mappings)), n => ReportProgressAsync(id, n, ct), ct);
            state = ImportJobStates.Done;
            report = JsonSerializer.Serialize(result, ImportJson.Options);
        }
        catch (ImportFileException e)
        {
            state = ImportJobStates.Failed;
            report = e.Message;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Import job {JobId} failed", id);
            state = ImportJobStates.Failed;
            report = "导入失败，请稍后重试或联系管理员";
        }
        using var done = services.CreateUnrestrictedScope();
        var finishedAt = DateTime.UtcNow;
        await done.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.Report, report)
                .SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.ProcessedRows, j => state == ImportJobStates.Done ? j.TotalRows : j.ProcessedRows), CancellationToken.None);
        queue.Forget(id);
        LocalFiles.TryDelete(path);
        await files.DeleteUploadAsync(job.StoredFile);
    }

    private async Task ReportProgressAsync(Guid id, int rows, CancellationToken ct)
    {
        queue.SetProgress(id, rows);
        if (!queue.WritesProgressToDatabase) return;
        using var scope = services.CreateUnrestrictedScope();
        var until = DateTime.UtcNow + Lease;
        await scope.ServiceProvider.GetRequiredService<TongxinDb>().ImportJobs.Where(j => j.Id == id && j.LockedBy == _me)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, rows).SetProperty(j => j.LockedUntil, until), ct);
    }
}
