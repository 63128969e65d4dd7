using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.TaskPlans;

/// <summary>
/// The one narrowing of task data by unit (DESIGN "Who may do what, extended"): on top of the region scope, a user
/// without <see cref="Permissions.TasksOverview"/> sees only the tasks whose lead or co-unit is their own
/// <see cref="AppUser.OrgUnitId"/>, and the plans that hold such a task. Every query of plans and tasks goes through it.
/// </summary>
public sealed class TaskAccess
{
    private TaskAccess(bool all, long? unitId)
    {
        SeesAll = all;
        UnitId = unitId;
    }

    /// <summary>Staff and leaders: every plan of their region.</summary>
    public bool SeesAll { get; }

    /// <summary>The caller's own unit, if they have one.</summary>
    public long? UnitId { get; }

    public static async Task<TaskAccess> For(ClaimsPrincipal user, TongxinDb db)
    {
        var userId = db.Actor.UserId;
        var unitId = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.OrgUnitId).FirstOrDefaultAsync();
        return new TaskAccess(user.Can(Permissions.TasksOverview), unitId);
    }

    // A user without a unit matches no task (ids start at 1).
    private long Unit => UnitId ?? 0;

    public IQueryable<PlanTask> Tasks(TongxinDb db)
    {
        if (SeesAll) return db.PlanTasks;
        var unit = Unit;
        return db.PlanTasks.Where(t => t.LeadUnitId == unit || t.CoUnits.Any(c => c.OrgUnitId == unit));
    }

    public IQueryable<TaskPlan> Plans(TongxinDb db)
    {
        if (SeesAll) return db.TaskPlans;
        var unit = Unit;
        return db.TaskPlans.Where(p => p.Tasks.Any(t => t.LeadUnitId == unit || t.CoUnits.Any(c => c.OrgUnitId == unit)));
    }
}
