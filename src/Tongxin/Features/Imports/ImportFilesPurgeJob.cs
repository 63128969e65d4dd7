using Tongxin.Common.Jobs;
using Tongxin.Features.Exports;

namespace Tongxin.Features.Imports;

/// <summary>Hourly: error workbooks older than a day, and uploads of finished jobs, export workbooks and working copies older than a week go.</summary>
public sealed class ImportFilesPurgeJob(ImportFiles files, ExportFiles exports) : IRecurringJob
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    public string Name => "import-files-purge";
    public TimeSpan Period => TimeSpan.FromHours(1);
    public bool Enabled => true;

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct) =>
        $"{await files.PurgeAsync(KeepFor, ct) + await exports.PurgeAsync(ct)} files removed";
}
