using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

public static class DeletePlanTask
{
    /// <summary>Removes a task with its co-units and reports.</summary>
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, long taskId, TongxinDb db)
    {
        var task = await db.PlanTasks.Include(t => t.CoUnits).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == id);
        if (task is null) return Problems.NotFound("任务");
        db.TaskReports.RemoveRange(await db.TaskReports.Where(r => r.TaskId == taskId).ToListAsync());
        db.PlanTasks.Remove(task);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
