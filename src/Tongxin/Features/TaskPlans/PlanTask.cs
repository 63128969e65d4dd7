using Tongxin.Common.Domain;

namespace Tongxin.Features.TaskPlans;

/// <summary>One task of a plan: its lead unit (牵头单位), co-units (配合单位), deadline and measurable target.</summary>
public class PlanTask : IAudited, IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public TaskPlan? Plan { get; set; }
    /// <summary>序号: the task's place in the plan's table.</summary>
    public int Seq { get; set; }
    public required string Title { get; set; }
    public long LeadUnitId { get; set; }
    /// <summary>The last day of the task; null for standing tasks (长期坚持), which <see cref="DeadlineText"/> then names.</summary>
    public DateOnly? Deadline { get; set; }
    /// <summary>The deadline as the plan wrote it, when that is not a plain date ("2026年6月底", "长期坚持").</summary>
    public string? DeadlineText { get; set; }
    public string? Target { get; set; }
    [NotAudited] public int Version { get; set; }
    public List<PlanTaskCoUnit> CoUnits { get; set; } = [];

    public string AuditLabel => $"任务{Seq} {Title}";

    /// <summary>Every unit that reports on the task: the lead unit first, then the co-units.</summary>
    public IEnumerable<long> UnitIds => CoUnits.Select(c => c.OrgUnitId).Prepend(LeadUnitId).Distinct();

    /// <summary>Replaces the co-units; the lead unit is never also a co-unit.</summary>
    public void SetCoUnits(IEnumerable<long> unitIds)
    {
        var wanted = unitIds.Where(id => id != LeadUnitId).Distinct().ToList();
        CoUnits.RemoveAll(c => !wanted.Contains(c.OrgUnitId));
        foreach (var id in wanted.Where(id => CoUnits.All(c => c.OrgUnitId != id)))
            CoUnits.Add(new PlanTaskCoUnit { OrgUnitId = id });
    }

    /// <summary>Past its deadline (China day) without the lead unit reporting it complete.</summary>
    public static bool IsOverdue(DateOnly? deadline, DateOnly today, bool leadCompleted) =>
        deadline is { } d && d < today && !leadCompleted;
}

/// <summary>A co-unit (配合单位) of a task.</summary>
public class PlanTaskCoUnit
{
    public long TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public long OrgUnitId { get; set; }
}
