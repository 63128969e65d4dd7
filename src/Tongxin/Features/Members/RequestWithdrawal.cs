using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

public sealed record WithdrawalRequest(string? Reason);

public static class RequestWithdrawal
{
    /// <summary>注销申请: a request staff handle; approving it takes the figure out of the registry (退出) with the reason.</summary>
    public static async Task<Results<Created<CorrectionCreated>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        WithdrawalRequest request, ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope)
    {
        if (await MemberContext.FigureIdAsync(me, db, scope) is not { } id) return Problems.NotFound("您的人士资料");
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Problems.Validation("reason", "请填写注销原因");
        if (reason.Length > 500) return Problems.Validation("reason", "注销原因不能超过500个字");
        var figure = await db.Figures.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Status, f.Version }).FirstAsync();
        if (figure.Status != FigureStatus.Active) return Problems.Conflict($"您的资料已{FigureStatusNames.Label(figure.Status)}，无需申请注销");
        if (await db.Corrections.AnyAsync(c => c.FigureId == id && c.Kind == CorrectionKind.Withdrawal && c.State == CorrectionState.Pending))
            return Problems.Conflict("您已提交注销申请，正在办理中");
        var correction = new Correction
        {
            FigureId = id,
            Kind = CorrectionKind.Withdrawal,
            State = CorrectionState.Pending,
            FigureVersion = figure.Version,
            Reason = reason,
            SubmittedAt = DateTime.UtcNow,
            SubmittedBy = db.Actor.UserName,
        };
        db.Corrections.Add(correction);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/me/corrections/{correction.Id}", new CorrectionCreated(correction.Id));
    }
}
