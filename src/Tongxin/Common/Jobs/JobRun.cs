namespace Tongxin.Common.Jobs;

/// <summary>
/// One run of a recurring job in one period. The key (job, period) is what makes a run happen once:
/// the server whose insert succeeds runs it, every other server sees the row and skips.
/// </summary>
public class JobRun
{
    public required string Name { get; set; }

    /// <summary>Start of the period in UTC as "yyyy-MM-ddTHH:mm" (a string, so both providers compare it alike).</summary>
    public required string Period { get; set; }

    public required string Server { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Outcome { get; set; }
}
