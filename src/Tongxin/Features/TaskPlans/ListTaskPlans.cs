using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.TaskPlans;

public sealed record TaskPlanListItem(long Id, string Title, int Year, string RegionCode, string RegionName, int TaskCount);

public static class ListTaskPlans
{
    /// <summary>The plans the caller may see (a unit: those with a task of theirs), newest year first, offset paging.</summary>
    public static async Task<Ok<Paged<TaskPlanListItem>>> Handle(ClaimsPrincipal user, TongxinDb db, int? year, string? regionCode,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var access = await TaskAccess.For(user, db);
        var query = access.Plans(db).AsNoTracking();
        if (year is { } y) query = query.Where(p => p.Year == y);
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Within(await ScopedRegions.RequireSubtree(db, regionCode));
        var total = await query.CountAsync();
        var tasks = access.Tasks(db);
        var rows = await query.OrderByDescending(p => p.Year).ThenBy(p => p.RegionCode).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new TaskPlanListItem(p.Id, p.Title, p.Year, p.RegionCode,
                db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? p.RegionCode,
                tasks.Count(t => t.PlanId == p.Id))).ToListAsync();
        return TypedResults.Ok(new Paged<TaskPlanListItem>(rows, total));
    }
}
