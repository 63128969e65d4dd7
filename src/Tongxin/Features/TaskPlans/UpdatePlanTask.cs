using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

public static class UpdatePlanTask
{
    /// <summary>Replaces a task's fields (version check → 409). Reports of a unit no longer on the task are kept.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, long taskId, PlanTaskInput input, TongxinDb db)
    {
        var task = await db.PlanTasks.Include(t => t.Plan).Include(t => t.CoUnits).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == id);
        if (task is null) return Problems.NotFound("任务");
        var errors = input.Validate(task.Plan!, await MemberUnits.Load(db));
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != task.Version) return Problems.Conflict();
        input.ApplyTo(task);
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version.Value;
        // A change of co-units alone must still move the version, so a stale form is caught.
        db.Entry(task).State = EntityState.Modified;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
