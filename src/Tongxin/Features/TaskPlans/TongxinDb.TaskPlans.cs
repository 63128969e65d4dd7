using Microsoft.EntityFrameworkCore;
using Tongxin.Features.TaskPlans;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<TaskPlan> TaskPlans => Set<TaskPlan>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<PlanTaskCoUnit> PlanTaskCoUnits => Set<PlanTaskCoUnit>();
    public DbSet<TaskReport> TaskReports => Set<TaskReport>();
}
