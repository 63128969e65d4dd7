namespace Tongxin.Common.Jobs;

/// <summary>
/// A unit of background work kept in the database (an import of a large file, an export) so that any
/// server may claim it: its state and the lease of the server running it.
/// </summary>
public interface IQueuedJob
{
    Guid Id { get; }
    string State { get; }
    DateTime CreatedAt { get; }
    string? LockedBy { get; }
    DateTime? LockedUntil { get; }
}

public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
