using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Exports;

public static class ListExportJobs
{
    /// <summary>GET /api/export-jobs: the caller's exports of the last week, newest first.</summary>
    public static async Task<Ok<List<ExportJobStatus>>> Handle(TongxinDb db, CancellationToken ct)
    {
        var since = DateTime.UtcNow - ExportFiles.KeepFor;
        var jobs = await ExportJobEndpoints.Mine(db).Where(j => j.CreatedAt >= since).OrderByDescending(j => j.CreatedAt).Take(10).ToListAsync(ct);
        return TypedResults.Ok(jobs.Select(ExportJobStatus.Of).ToList());
    }
}
