using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public static class DeleteOrganization
{
    /// <summary>
    /// Removes the organization and its links (each link with its audit line); the linked figures' search keys lose
    /// its name. An organization linked to figures outside the caller's scope is not deleted (409 saying how many):
    /// the database would remove those links without a line, and the caller cannot see them.
    /// </summary>
    public static async Task<Results<NoContent, NotFoundProblem, ProblemHttpResult>> Handle(long id, TongxinDb db)
    {
        var o = await db.Organizations.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var allLinks = await db.OrganizationMembers.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).CountAsync(m => m.OrganizationId == id);
        var outside = allLinks - o.Members.Count;
        if (outside > 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"该单位还关联了 {outside} 名您权限范围以外的人士，不能删除；请联系上级管理员处理");
        var figureIds = o.Members.Select(m => m.FigureId).ToList();
        db.OrganizationMembers.RemoveRange(o.Members); // tracked, so each link gets its audit line
        db.Organizations.Remove(o);
        await db.SaveChangesAsync();
        if (figureIds.Count > 0) await FigureSearchIndexer.RebuildAsync(db, figureIds, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
