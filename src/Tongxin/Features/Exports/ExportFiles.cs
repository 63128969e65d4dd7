using Tongxin.Common.Files;

namespace Tongxin.Features.Exports;

/// <summary>Finished export workbooks in the file store, one folder per requester; purged after a week.</summary>
public sealed class ExportFiles(IFileStore store, UserFiles userFiles)
{
    private const string Folder = "exports";
    /// <summary>As long as the other generated files (the daily file clean-up removes them all).</summary>
    public static TimeSpan KeepFor => Imports.ImportFilesPurgeJob.KeepFor;

    public Task<string> SaveAsync(string userId, string localPath, CancellationToken ct) => userFiles.SaveAsync(Folder, userId, localPath, ct);

    public Task<Stream?> OpenAsync(string userId, string? token, CancellationToken ct) => userFiles.OpenAsync(Folder, userId, token, ct);

    public Task<int> PurgeAsync(CancellationToken ct) => store.PurgeAsync(Folder, DateTime.UtcNow - KeepFor, ct);
}
