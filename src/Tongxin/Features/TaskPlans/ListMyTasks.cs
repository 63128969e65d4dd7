using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

/// <summary>A task of the caller's unit with the unit's report of the quarter (null when not yet reported) and its latest earlier percent.</summary>
public sealed record MyTaskItem(long TaskId, long PlanId, string PlanTitle, int PlanYear, int Seq, string Title, string Role,
    string LeadUnitName, DateOnly? Deadline, string? DeadlineText, string? Target, TaskReportItem? Report, int? LastPercent);

public sealed record MyTasks(long? UnitId, string? UnitName, string Quarter, IReadOnlyList<MyTaskItem> Items);

public static class ListMyTasks
{
    /// <summary>GET /api/tasks/mine?quarter=&amp;year=: the tasks the caller's unit leads or supports (我的任务).</summary>
    public static async Task<Results<Ok<MyTasks>, ValidationProblem>> Handle(ClaimsPrincipal user, TongxinDb db, string? quarter, int? year)
    {
        quarter = string.IsNullOrWhiteSpace(quarter) ? Quarters.Current(DateTime.UtcNow) : quarter.Trim();
        if (!Quarters.IsValid(quarter)) return Problems.Validation("quarter", Quarters.FormatMessage);
        var access = await TaskAccess.For(user, db);
        if (access.UnitId is not { } unit) return TypedResults.Ok(new MyTasks(null, null, quarter, []));
        var unitName = (await MemberUnits.Names(db, [unit])).GetValueOrDefault(unit);

        var query = db.PlanTasks.AsNoTracking().Where(t => t.LeadUnitId == unit || t.CoUnits.Any(c => c.OrgUnitId == unit));
        if (year is { } y) query = query.Where(t => t.Plan!.Year == y);
        var tasks = await query.OrderByDescending(t => t.Plan!.Year).ThenBy(t => t.PlanId).ThenBy(t => t.Seq)
            .Select(t => new { Task = t, PlanTitle = t.Plan!.Title, PlanYear = t.Plan.Year }).Take(500).ToListAsync();
        var ids = tasks.Select(t => t.Task.Id).ToList();
        var reports = await db.TaskReports.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId) && r.OrgUnitId == unit && string.Compare(r.Quarter, quarter) <= 0).ToListAsync();
        var names = await MemberUnits.Names(db, tasks.Select(t => t.Task.LeadUnitId));
        var items = tasks.Select(t =>
        {
            var mine = reports.Where(r => r.TaskId == t.Task.Id).OrderByDescending(r => r.Quarter).ToList();
            var current = mine.FirstOrDefault(r => r.Quarter == quarter);
            var earlier = mine.FirstOrDefault(r => r.Quarter != quarter);
            return new MyTaskItem(t.Task.Id, t.Task.PlanId, t.PlanTitle, t.PlanYear, t.Task.Seq, t.Task.Title,
                t.Task.LeadUnitId == unit ? GetDispatch.LeadRole : GetDispatch.CoRole, names.GetValueOrDefault(t.Task.LeadUnitId, ""),
                t.Task.Deadline, t.Task.DeadlineText, t.Task.Target,
                current is null ? null : new TaskReportItem(current.Id, current.OrgUnitId, current.Quarter, current.Percent, current.Text,
                    current.ReportedAt, current.ReportedBy, current.Version),
                earlier?.Percent);
        }).ToList();
        return TypedResults.Ok(new MyTasks(unit, unitName, quarter, items));
    }
}
