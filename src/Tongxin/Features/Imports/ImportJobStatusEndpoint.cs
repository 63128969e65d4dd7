using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

/// <summary>
/// GET /api/import-jobs/{id}: state, progress and, when done, the same report a small file gets. Only for the
/// user who uploaded it, like an export job: the report quotes rows of a file that may never be committed.
/// </summary>
public static class ImportJobStatusEndpoint
{
    public static async Task<Results<Ok<ImportJobStatus>, NotFoundProblem>> Handle(Guid id, TongxinDb db, ImportJobQueue queue, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.UserId == db.Actor.UserId, ct);
        if (job is null) return Problems.NotFound("导入任务");
        var processed = Math.Max(job.ProcessedRows, queue.ProgressOf(id));
        if (job.State == ImportJobStates.Done) processed = job.TotalRows;
        var report = job.State == ImportJobStates.Done && job.Report is not null
            ? JsonSerializer.Deserialize<ImportReport>(job.Report, ImportJson.Options) : null;
        var error = job.State == ImportJobStates.Failed ? job.Report : null;
        var progress = job.TotalRows == 0 ? 0 : Math.Round(Math.Min(1.0, processed / (double)job.TotalRows), 3);
        return TypedResults.Ok(new ImportJobStatus(job.Id, job.State, processed, job.TotalRows, progress, report, error));
    }
}
