using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Exports;

public static class GetExportJob
{
    /// <summary>GET /api/export-jobs/{id}: state and progress, readable from any server.</summary>
    public static async Task<Results<Ok<ExportJobStatus>, NotFoundProblem>> Handle(Guid id, TongxinDb db, CancellationToken ct)
    {
        var job = await ExportJobEndpoints.Mine(db).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Problems.NotFound("导出任务");
        return TypedResults.Ok(ExportJobStatus.Of(job));
    }
}
