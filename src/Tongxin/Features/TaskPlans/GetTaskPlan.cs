using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

/// <summary>A plan with its tasks and every report; <c>quarters</c> are the columns of the plan table.</summary>
public sealed record TaskPlanDetail(long Id, string Title, int Year, string RegionCode, string RegionName, int Version,
    IReadOnlyList<string> Quarters, string CurrentQuarter, IReadOnlyList<UnitRef> Units, IReadOnlyList<PlanTaskItem> Tasks);

public static class GetTaskPlan
{
    public static async Task<Results<Ok<TaskPlanDetail>, NotFoundProblem>> Handle(long id, ClaimsPrincipal user, TongxinDb db)
    {
        var access = await TaskAccess.For(user, db);
        var table = await PlanTable.Load(db, access, id);
        if (table is null) return Problems.NotFound("工作方案");
        var plan = table.Plan;
        var quarters = TaskPlans.Quarters.Of(plan.Year).Union(table.Tasks.SelectMany(t => t.Reports).Select(r => r.Quarter)).Order().ToList();
        var units = table.Tasks.SelectMany(t => t.CoUnits.Prepend(t.LeadUnit)).DistinctBy(u => u.Id).OrderBy(u => u.Name).ToList();
        return TypedResults.Ok(new TaskPlanDetail(plan.Id, plan.Title, plan.Year, plan.RegionCode, table.RegionName, plan.Version, quarters,
            TaskPlans.Quarters.Current(DateTime.UtcNow), units, table.Tasks));
    }
}
