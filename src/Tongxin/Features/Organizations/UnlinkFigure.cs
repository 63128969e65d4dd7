using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Organizations;

public static class UnlinkFigure
{
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, long figureId, TongxinDb db)
    {
        var m = await db.OrganizationMembers.FirstOrDefaultAsync(x => x.OrganizationId == id && x.FigureId == figureId);
        if (m is null) return Problems.NotFound("关联");
        db.OrganizationMembers.Remove(m);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
