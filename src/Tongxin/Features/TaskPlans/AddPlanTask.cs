using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

public sealed record PlanTaskCreated(long Id);

public static class AddPlanTask
{
    /// <summary>Adds a task by hand; without a 序号 it goes to the end of the table.</summary>
    public static async Task<Results<Created<PlanTaskCreated>, ValidationProblem, NotFoundProblem>> Handle(long id, PlanTaskInput input, TongxinDb db)
    {
        var plan = await db.TaskPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return Problems.NotFound("工作方案");
        var errors = input.Validate(plan, await MemberUnits.Load(db));
        if (errors.Count > 0) return Problems.Validation(errors);
        var task = new PlanTask { PlanId = id, Title = "", Seq = await NextSeq(db, id) };
        input.ApplyTo(task);
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/task-plans/{id}/tasks/{task.Id}", new PlanTaskCreated(task.Id));
    }

    public static async Task<int> NextSeq(TongxinDb db, long planId) =>
        (await db.PlanTasks.Where(t => t.PlanId == planId).MaxAsync(t => (int?)t.Seq) ?? 0) + 1;
}
