using Tongxin.Common.Domain;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.Exports;

/// <summary>
/// A background export of the figure list, visible with its progress to any server. It carries what the
/// request knew: the requester and their region (the data scope the export runs under) and the filter.
/// </summary>
public class ExportJob : IQueuedJob, IRegionOwned
{
    public Guid Id { get; set; }
    /// <summary>The requester's region at request time: the job sees exactly this subtree.</summary>
    public required string RegionCode { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The list filter as JSON (<see cref="Figures.FigureFilter"/>).</summary>
    public required string Filter { get; set; }
    /// <summary>The filter in words, for the list of exports and the audit lines.</summary>
    public required string Description { get; set; }
    public string State { get; set; } = JobStates.Queued;
    public int ProcessedRows { get; set; }
    public int TotalRows { get; set; }
    /// <summary>Token of the finished workbook in the file store (under the requester's folder).</summary>
    public string? FileToken { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
