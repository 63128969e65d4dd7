using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

public static class RejectCorrection
{
    /// <summary>Rejects a pending request with a reason the member reads; the record is not touched.</summary>
    public static async Task<Results<Ok<CorrectionItem>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, DecideCorrectionRequest request, TongxinDb db)
    {
        var correction = await db.Corrections.Include(c => c.Figure).FirstOrDefaultAsync(c => c.Id == id);
        if (correction is null) return Problems.NotFound("申请");
        if (request.Version is null) return Problems.Validation("version", "缺少版本号，请刷新后重试");
        if (request.Version != correction.Version) return Problems.Conflict();
        correction.Reject(DateTime.UtcNow, db.Actor.UserName, request.Reason);
        db.Entry(correction).Property(c => c.Version).OriginalValue = request.Version.Value;
        await db.SaveChangesAsync();
        var region = await db.Regions.Where(r => r.Code == correction.Figure!.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync();
        return TypedResults.Ok(CorrectionItem.From(correction, correction.Figure!.Name, region ?? correction.Figure.RegionCode));
    }
}
