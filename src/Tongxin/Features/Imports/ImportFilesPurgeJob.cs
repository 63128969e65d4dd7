using Tongxin.Common.Jobs;

namespace Tongxin.Features.Imports;

/// <summary>Daily: error workbooks, uploads of finished jobs and working copies older than a week go.</summary>
public sealed class ImportFilesPurgeJob(ImportFiles files) : IRecurringJob
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    public string Name => "import-files-purge";
    public TimeSpan Period => TimeSpan.FromDays(1);
    public bool Enabled => true;

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct) =>
        $"{await files.PurgeAsync(KeepFor, ct)} files removed";
}
