using Tongxin.Common.Jobs;

namespace Tongxin.Features.Imports;

/// <summary>A committed import: what each row inserted or replaced, so the batch can be undone.</summary>
public class ImportBatch
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The importer's region, for scope.</summary>
    public required string RegionCode { get; set; }
    public required string FileName { get; set; }
    public int TotalRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
    /// <summary>
    /// The background job that committed this batch (unique): a job re-claimed after its server died between
    /// the commit and marking itself done finds its batch here and stops instead of importing the file again.
    /// </summary>
    public Guid? JobId { get; set; }
}

public class ImportBatchRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public int RowNumber { get; set; }
    public long FigureId { get; set; }
    public bool Inserted { get; set; }
    /// <summary>JSON before-image of the replaced figure fields (null when inserted).</summary>
    public string? Before { get; set; }
    /// <summary>Ids of accounts and snapshots this row added, so undo removes exactly those.</summary>
    public string? AddedRecords { get; set; }
    /// <summary>The figure version the import left; a different version at undo means someone edited it since.</summary>
    public int VersionAfter { get; set; }
}

/// <summary>A background import of a large file, visible with its progress to any server.</summary>
public class ImportJob : IQueuedJob
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Mode { get; set; }
    public required string FileName { get; set; }
    public required string StoredFile { get; set; }
    public string State { get; set; } = ImportJobStates.Queued;
    public int ProcessedRows { get; set; }
    public int TotalRows { get; set; }
    public string? Report { get; set; }
    /// <summary>The commit's chosen value mappings (<see cref="ValueMappings.ToJson"/>), applied when the job runs.</summary>
    public string? Mappings { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}

public static class ImportJobStates
{
    public const string Queued = JobStates.Queued;
    public const string Running = JobStates.Running;
    public const string Done = JobStates.Done;
    public const string Failed = JobStates.Failed;
}
