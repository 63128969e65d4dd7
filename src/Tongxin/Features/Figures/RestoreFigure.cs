using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Figures;

public sealed record RestoreFigureRequest(string? Reason, int Version);

public static class RestoreFigure
{
    /// <summary>恢复入库: a withdrawn figure becomes active again (the rule lives in <see cref="Figure.Restore"/>); a stale version is 409.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(long id, RestoreFigureRequest request, TongxinDb db)
    {
        var figure = await db.Figures.FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("人士");
        if (figure.Version != request.Version) return Problems.Conflict();
        figure.Restore(request.Reason ?? "");
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
