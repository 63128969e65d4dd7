using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

public static class DeleteTaskPlan
{
    /// <summary>Removes a plan with its tasks and reports (the audit log keeps the lines).</summary>
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        var plan = await db.TaskPlans.FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return Problems.NotFound("工作方案");
        var tasks = await db.PlanTasks.Include(t => t.CoUnits).Where(t => t.PlanId == id).ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        db.TaskReports.RemoveRange(await db.TaskReports.Where(r => ids.Contains(r.TaskId)).ToListAsync());
        db.PlanTasks.RemoveRange(tasks);
        db.TaskPlans.Remove(plan);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
