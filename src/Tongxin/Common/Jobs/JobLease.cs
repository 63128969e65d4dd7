namespace Tongxin.Common.Jobs;

/// <summary>
/// How long a server holds a queued job without renewing it. A running job renews its lease every third of it
/// (a heartbeat); a job whose lease ran out belongs to a server that died. Short, so that after a crash the job
/// is judged within a minute, not after the length of the longest import. <c>Tongxin:JobLeaseSeconds</c> sets it
/// (the crash test uses a few seconds).
/// </summary>
public sealed record JobLease(TimeSpan Length)
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(45);

    public TimeSpan Heartbeat => Length / 3;

    public static JobLease From(IConfiguration configuration) =>
        new(configuration.GetValue<int?>("Tongxin:JobLeaseSeconds") is { } s and > 0 ? TimeSpan.FromSeconds(s) : Default);
}
