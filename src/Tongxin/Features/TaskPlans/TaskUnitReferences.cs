using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.TaskPlans;

/// <summary>A unit that leads or supports joint-meeting tasks, or has reported on them, cannot be deleted.</summary>
public sealed class TaskUnitReferences : IOrgUnitReferences
{
    public async Task<IReadOnlyList<string>> Describe(TongxinDb db, long unitId)
    {
        var found = new List<string>();
        // Every region: a task of a plan outside the caller's scope still holds the key.
        var lead = await db.PlanTasks.IgnoreQueryFilters().CountAsync(t => t.LeadUnitId == unitId);
        var co = await db.PlanTaskCoUnits.IgnoreQueryFilters().CountAsync(c => c.OrgUnitId == unitId);
        var reports = await db.TaskReports.IgnoreQueryFilters().CountAsync(r => r.OrgUnitId == unitId);
        if (lead > 0) found.Add($"{lead}项联席会议任务（牵头单位）");
        if (co > 0) found.Add($"{co}项联席会议任务（配合单位）");
        if (reports > 0) found.Add($"{reports}条季度调度报送");
        return found;
    }
}
