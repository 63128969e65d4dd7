using Tongxin.Common.Domain;

namespace Tongxin.Features.TaskPlans;

/// <summary>
/// A joint-meeting work plan (重点任务分工方案) of one year and region: the tasks the member units lead or support,
/// and their quarterly progress reports (季度调度).
/// </summary>
public class TaskPlan : IRegionOwned, IAudited, IVersioned
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public required string RegionCode { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public int Version { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];

    public string AuditLabel => $"{Year}年 {Title}";

    /// <summary>The first day a task's deadline may fall on: the plan's year begins.</summary>
    public DateOnly EarliestDeadline => new(Year, 1, 1);
}
