using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;

namespace Tongxin.Features.TaskPlans;

public sealed record CreateTaskPlanRequest(int? Year, string? Title, string? RegionCode);
public sealed record TaskPlanCreated(long Id);

public static class CreateTaskPlan
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>One plan per year and region: a second answers 409 naming the plan that exists.</summary>
    public static string DuplicateMessage(string regionName, int year, string? title) =>
        $"{regionName}{year}年度已有任务分工方案{(title is null ? "" : $"“{title}”")}，每个地区每年只能有一个方案，请在已有方案中添加任务";

    public static async Task<Results<Created<TaskPlanCreated>, ValidationProblem, ConflictProblem>> Handle(CreateTaskPlanRequest input, TongxinDb db)
    {
        var errors = new Dictionary<string, string[]>();
        var title = ChineseText.Normalize(input.Title);
        if (title.Length == 0) errors["title"] = ["请填写方案名称"];
        else if (title.Length > 200) errors["title"] = ["方案名称不能超过200个字"];
        if (input.Year is not { } year || year < MinYear || year > MaxYear) errors["year"] = [$"年度应在{MinYear}至{MaxYear}之间"];
        var region = await ScopedRegions.InScope(db, input.RegionCode);
        if (region is null)
            errors["regionCode"] = [string.IsNullOrWhiteSpace(input.RegionCode) ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        if (errors.Count > 0) return Problems.Validation(errors);

        if (await db.TaskPlans.AsNoTracking().Where(p => p.Year == input.Year && p.RegionCode == region!.Code).Select(p => p.Title).FirstOrDefaultAsync() is { } existing)
            return Problems.Conflict(DuplicateMessage(region!.Name, input.Year!.Value, existing));
        var plan = new TaskPlan { Title = title, Year = input.Year!.Value, RegionCode = region!.Code, CreatedAt = DateTime.UtcNow };
        db.TaskPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (UniqueViolation.Of(e, "TaskPlans_RegionCode"))
        {
            return Problems.Conflict(DuplicateMessage(region.Name, input.Year.Value, null));
        }
        return TypedResults.Created($"/api/task-plans/{plan.Id}", new TaskPlanCreated(plan.Id));
    }
}
