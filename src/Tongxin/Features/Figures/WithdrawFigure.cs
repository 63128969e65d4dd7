using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Figures;

public static class WithdrawFigure
{
    /// <summary>DELETE is a soft delete: status 退出/调出 with a reason; history stays.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Handle(long id, string? status, string? reason, TongxinDb db)
    {
        var figure = await db.Figures.FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("人士");
        var target = FigureStatusNames.FromApi(status ?? "left");
        if (target is null or FigureStatus.Active) return Problems.Validation("status", "状态应为退出或调出");
        figure.Withdraw(target.Value, reason ?? "");
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
