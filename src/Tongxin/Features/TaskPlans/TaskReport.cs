using System.Text.RegularExpressions;
using Tongxin.Common.Domain;

namespace Tongxin.Features.TaskPlans;

/// <summary>A unit's progress on a task in one quarter ("2026Q4"): a percentage and what was done.</summary>
public class TaskReport : IAudited, IVersioned
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public long OrgUnitId { get; set; }
    public required string Quarter { get; set; }
    public int Percent { get; set; }
    public string? Text { get; set; }
    [NotAudited] public DateTime ReportedAt { get; set; }
    [NotAudited] public string? ReportedBy { get; set; }
    [NotAudited] public int Version { get; set; }

    public string AuditLabel => $"{Quarter} 进展";
}

public static partial class Quarters
{
    public const string FormatMessage = "季度格式应为“2026Q4”";

    [GeneratedRegex(@"^\d{4}Q[1-4]$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? quarter) => quarter is not null && Pattern().IsMatch(quarter);

    public static int YearOf(string quarter) => int.Parse(quarter[..4]);

    /// <summary>The four quarters of a year, in order.</summary>
    public static List<string> Of(int year) => [.. Enumerable.Range(1, 4).Select(q => $"{year}Q{q}")];

    /// <summary>The quarter a China-time day falls in.</summary>
    public static string Current(DateTime utcNow)
    {
        var local = utcNow.AddHours(8);
        return $"{local.Year}Q{(local.Month - 1) / 3 + 1}";
    }

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow.AddHours(8));
}
