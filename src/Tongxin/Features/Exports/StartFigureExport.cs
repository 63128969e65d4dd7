using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Exports;

/// <summary>
/// POST /api/figures/export-jobs with the list's filters: queues an export and answers 202 with the job.
/// The filter is checked now (a bad value is a field error here, not a failed job later); the requester's
/// id and region are captured, since the background worker has no HttpContext.
/// </summary>
public static class StartFigureExport
{
    public static async Task<Results<Accepted<ExportJobStatus>, ForbidHttpResult>> Handle([AsParameters] FigureFilter filter, TongxinDb db, ExportJobQueue queue, HttpContext http, CancellationToken ct)
    {
        var region = http.User.RegionCode();
        var userId = db.Actor.UserId;
        if (region is null || userId is null) return TypedResults.Forbid();
        await filter.ApplyAsync(db, db.Figures);
        var job = await queue.EnqueueAsync(db, filter with { Sort = null }, userId, region, ct);
        await db.LogAsync(AuditActions.Export, nameof(Figure), null, $"开始导出网络人士（{job.Description}）", region, ct: ct);
        return TypedResults.Accepted($"/api/export-jobs/{job.Id}", ExportJobStatus.Of(job));
    }
}
