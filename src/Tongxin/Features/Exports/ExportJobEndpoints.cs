using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;

namespace Tongxin.Features.Exports;

/// <summary>
/// The requester's own exports: the list, one job's status, and its workbook. Another user's job answers
/// 404 like a missing one (the region filter and the owner check both apply), so nothing reveals it exists.
/// </summary>
public static class ExportJobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/export-jobs", StartFigureExport.Handle).WithTags("Export").RequireAuthorization(Permissions.FiguresExport);
        var g = api.MapGroup("/export-jobs").WithTags("Export").RequireAuthorization(Permissions.FiguresExport);
        g.MapGet("", Recent);
        g.MapGet("/{id:guid}", Status);
        g.MapGet("/{id:guid}/file", Download).Produces(200, contentType: FileNames.XlsxType);
    }

    private static IQueryable<ExportJob> Mine(TongxinDb db) => db.ExportJobs.AsNoTracking().Where(j => j.UserId == db.Actor.UserId);

    /// <summary>GET /api/export-jobs: the caller's exports of the last week, newest first.</summary>
    public static async Task<Ok<List<ExportJobStatus>>> Recent(TongxinDb db, CancellationToken ct)
    {
        var since = DateTime.UtcNow - ExportFiles.KeepFor;
        var jobs = await Mine(db).Where(j => j.CreatedAt >= since).OrderByDescending(j => j.CreatedAt).Take(10).ToListAsync(ct);
        return TypedResults.Ok(jobs.Select(ExportJobStatus.Of).ToList());
    }

    /// <summary>GET /api/export-jobs/{id}: state and progress, readable from any server.</summary>
    public static async Task<Results<Ok<ExportJobStatus>, NotFoundProblem>> Status(Guid id, TongxinDb db, CancellationToken ct)
    {
        var job = await Mine(db).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Problems.NotFound("导出任务");
        return TypedResults.Ok(ExportJobStatus.Of(job));
    }

    /// <summary>GET /api/export-jobs/{id}/file: the finished workbook, for its requester only; each download is audited.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> Download(Guid id, TongxinDb db, ExportFiles files, HttpContext http, CancellationToken ct)
    {
        var job = await Mine(db).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Problems.NotFound("导出任务");
        if (ExportJobStatus.Of(job).DownloadUrl is null) return Problems.NotFound("导出文件");
        var content = await files.OpenAsync(job.UserId, job.FileToken, ct);
        if (content is null) return Problems.NotFound("导出文件");
        await db.LogAsync(AuditActions.ExportDownload, nameof(Figure), null,
            $"下载导出文件：网络人士 {job.TotalRows} 条（{job.Description}）", http.User.RegionCode(), ct: ct);
        return TypedResults.File(content, FileNames.XlsxType, FileNames.Utf8("网络人士", job.CreatedAt));
    }
}
