using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.TaskPlans;

/// <summary>One unit's part in a task for the quarter: its report, or <c>reported: false</c>.</summary>
public sealed record DispatchCell(long UnitId, string UnitName, string Role, bool Reported, int? Percent, string? Text, DateTime? ReportedAt);

public sealed record DispatchRow(long TaskId, int Seq, string Title, string LeadUnitName, IReadOnlyList<string> CoUnitNames,
    DateOnly? Deadline, string? DeadlineText, bool Overdue, IReadOnlyList<DispatchCell> Units, IReadOnlyList<UnitRef> MissingUnits);

/// <summary>A unit that owes reports this quarter, and on how many tasks.</summary>
public sealed record DispatchMissing(long UnitId, string UnitName, int TaskCount);

public sealed record DispatchView(long PlanId, string Title, int Year, string Quarter, IReadOnlyList<UnitRef> Units,
    IReadOnlyList<DispatchRow> Rows, IReadOnlyList<DispatchMissing> Missing, int ExpectedReports, int Reported, int OverdueTasks);

public static class GetDispatch
{
    public const string LeadRole = "lead";
    public const string CoRole = "co";

    /// <summary>GET /api/task-plans/{id}/dispatch?quarter=: the quarterly dispatch (季度调度) for the meeting.</summary>
    public static async Task<Results<Ok<DispatchView>, ValidationProblem, NotFoundProblem>> Handle(long id, string? quarter, ClaimsPrincipal user, TongxinDb db)
    {
        var view = await Build(id, quarter, user, db);
        if (view.Error is { } error) return error;
        return view.View is null ? Problems.NotFound("工作方案") : TypedResults.Ok(view.View);
    }

    /// <summary>The view, a 400 for a bad quarter, or neither when the plan is not visible.</summary>
    public static async Task<(DispatchView? View, ValidationProblem? Error)> Build(long id, string? quarter, ClaimsPrincipal user, TongxinDb db)
    {
        quarter = string.IsNullOrWhiteSpace(quarter) ? Quarters.Current(DateTime.UtcNow) : quarter.Trim();
        if (!Quarters.IsValid(quarter)) return (null, Problems.Validation("quarter", Quarters.FormatMessage));
        var table = await PlanTable.Load(db, await TaskAccess.For(user, db), id, quarter);
        if (table is null) return (null, null);

        var rows = table.Tasks.Select(t =>
        {
            var cells = t.CoUnits.Prepend(t.LeadUnit).DistinctBy(u => u.Id).Select((u, i) =>
            {
                var r = t.Reports.FirstOrDefault(x => x.UnitId == u.Id);
                return new DispatchCell(u.Id, u.Name, i == 0 ? LeadRole : CoRole, r is not null, r?.Percent, r?.Text, r?.ReportedAt);
            }).ToList();
            return new DispatchRow(t.Id, t.Seq, t.Title, t.LeadUnit.Name, t.CoUnits.Select(c => c.Name).ToList(), t.Deadline, t.DeadlineText,
                t.Overdue, cells, cells.Where(c => !c.Reported).Select(c => new UnitRef(c.UnitId, c.UnitName)).ToList());
        }).ToList();
        var units = rows.SelectMany(r => r.Units).Select(c => new UnitRef(c.UnitId, c.UnitName)).DistinctBy(u => u.Id).OrderBy(u => u.Name).ToList();
        var missing = rows.SelectMany(r => r.MissingUnits).GroupBy(u => u.Id)
            .Select(g => new DispatchMissing(g.Key, g.First().Name, g.Count())).OrderByDescending(m => m.TaskCount).ThenBy(m => m.UnitName).ToList();
        var expected = rows.Sum(r => r.Units.Count);
        var reported = rows.Sum(r => r.Units.Count(c => c.Reported));
        var plan = table.Plan;
        return (new DispatchView(plan.Id, plan.Title, plan.Year, quarter, units, rows, missing, expected, reported, rows.Count(r => r.Overdue)), null);
    }
}
