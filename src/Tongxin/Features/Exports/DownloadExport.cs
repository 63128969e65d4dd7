using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Exports;

public static class DownloadExport
{
    /// <summary>GET /api/export-jobs/{id}/file: the finished workbook, for its requester only; each download is audited.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> Handle(Guid id, TongxinDb db, ExportFiles files, HttpContext http,
        CancellationToken ct)
    {
        var job = await ExportJobEndpoints.Mine(db).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Problems.NotFound("导出任务");
        if (ExportJobStatus.Of(job).DownloadUrl is null) return Problems.NotFound("导出文件");
        var content = await files.OpenAsync(job.UserId, job.FileToken, ct);
        if (content is null) return Problems.NotFound("导出文件");
        await db.LogAsync(AuditActions.ExportDownload, nameof(Figure), null,
            $"下载导出文件：网络人士 {job.TotalRows} 条（{job.Description}）", http.User.RegionCode(), ct: ct);
        return TypedResults.File(content, FileNames.XlsxType, FileNames.Utf8("网络人士", job.CreatedAt));
    }
}
