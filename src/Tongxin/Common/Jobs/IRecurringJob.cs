namespace Tongxin.Common.Jobs;

/// <summary>
/// Work that runs once per period across all servers (see <see cref="RecurringJobRunner"/>). It runs in
/// its own service scope with the unrestricted data scope and the "system" actor.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable name, recorded with every run.</summary>
    string Name { get; }

    TimeSpan Period { get; }

    /// <summary>Whether the installation asked for this job at all (for example a retention setting).</summary>
    bool Enabled { get; }

    /// <summary>Does the work; returns a one-line outcome for the run record.</summary>
    Task<string> RunAsync(IServiceProvider services, CancellationToken ct);
}
