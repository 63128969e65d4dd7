using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.TaskPlans;

public sealed record TaskReportItem(long Id, long UnitId, string Quarter, int Percent, string? Text, DateTime ReportedAt, string? ReportedBy, int Version);

public sealed record PlanTaskItem(long Id, int Seq, string Title, UnitRef LeadUnit, IReadOnlyList<UnitRef> CoUnits, DateOnly? Deadline,
    string? DeadlineText, string? Target, bool Overdue, int Version, IReadOnlyList<TaskReportItem> Reports);

/// <summary>A plan with the tasks the caller may see and their reports: what the plan page, the dispatch and its export read.</summary>
public sealed record PlanTable(TaskPlan Plan, string RegionName, IReadOnlyList<PlanTaskItem> Tasks)
{
    /// <summary>Null when the plan is out of scope, or (for a unit) holds no task of theirs.</summary>
    public static async Task<PlanTable?> Load(TongxinDb db, TaskAccess access, long planId, string? quarter = null)
    {
        var plan = await access.Plans(db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null) return null;
        var regionName = await db.Regions.Where(r => r.Code == plan.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync() ?? plan.RegionCode;
        var tasks = await access.Tasks(db).AsNoTracking().Include(t => t.CoUnits).Where(t => t.PlanId == planId)
            .OrderBy(t => t.Seq).ThenBy(t => t.Id).ToListAsync();
        var taskIds = tasks.Select(t => t.Id).ToList();
        var reportQuery = db.TaskReports.AsNoTracking().Where(r => taskIds.Contains(r.TaskId));
        if (quarter is not null) reportQuery = reportQuery.Where(r => string.Compare(r.Quarter, quarter) <= 0);
        var reports = (await reportQuery.ToListAsync()).ToLookup(r => r.TaskId);
        var names = await MemberUnits.Names(db, tasks.SelectMany(t => t.UnitIds));
        var today = Quarters.Today(DateTime.UtcNow);
        var items = tasks.Select(t =>
        {
            var own = reports[t.Id].ToList();
            var leadDone = own.Any(r => r.OrgUnitId == t.LeadUnitId && r.Percent >= 100);
            var visible = quarter is null ? own : own.Where(r => r.Quarter == quarter);
            return new PlanTaskItem(t.Id, t.Seq, t.Title, Ref(names, t.LeadUnitId),
                t.CoUnits.Select(c => Ref(names, c.OrgUnitId)).OrderBy(u => u.Name).ToList(), t.Deadline, t.DeadlineText, t.Target,
                PlanTask.IsOverdue(t.Deadline, today, leadDone), t.Version,
                visible.OrderBy(r => r.Quarter).ThenBy(r => r.OrgUnitId)
                    .Select(r => new TaskReportItem(r.Id, r.OrgUnitId, r.Quarter, r.Percent, r.Text, r.ReportedAt, r.ReportedBy, r.Version)).ToList());
        }).ToList();
        return new PlanTable(plan, regionName, items);
    }

    private static UnitRef Ref(Dictionary<long, string> names, long id) => new(id, names.GetValueOrDefault(id, $"单位{id}"));
}
