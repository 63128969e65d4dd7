using Tongxin.Common.Data;
using Tongxin.Common.Files;

namespace Tongxin.Features.Imports;

/// <summary>
/// Import files in the file store: uploads waiting for a job under imports/ (any server may run the job),
/// error workbooks under import-reports/{user}/{token}.xlsx so that only their maker can fetch them.
/// Workbooks are read and written as local working copies under the data directory's tmp/ folder.
/// </summary>
public sealed class ImportFiles(DatabaseOptions options, IFileStore store, UserFiles userFiles)
{
    private const string Uploads = "imports";
    private const string Reports = "import-reports";

    public string WorkingDirectory => Path.Combine(options.DataDirectory, "tmp");

    /// <summary>A fresh local path for a workbook being read or written; the name is random, never the user's.</summary>
    public string NewWorkingPath(string extension = ".xlsx")
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(WorkingDirectory);
        else Directory.CreateDirectory(WorkingDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.Combine(WorkingDirectory, NewToken() + extension);
    }

    public static string NewToken() => UserFiles.NewToken();

    public static bool IsToken(string? token) => UserFiles.IsToken(token);

    /// <summary>Keeps an upload for a job; returns the name the job refers to it by.</summary>
    public async Task<string> KeepUploadAsync(string localPath, CancellationToken ct)
    {
        var name = NewToken() + ".xlsx";
        await using var content = File.OpenRead(localPath);
        await store.SaveAsync($"{Uploads}/{name}", content, ct);
        return name;
    }

    /// <summary>A local working copy of a kept upload (the caller deletes it), or null when it is gone.</summary>
    public async Task<string?> FetchUploadAsync(string name, CancellationToken ct)
    {
        if (!IsStoredName(name)) return null;
        await using var content = await store.OpenReadAsync($"{Uploads}/{name}", ct);
        if (content is null) return null;
        var path = NewWorkingPath();
        await using (var target = File.Create(path))
            await content.CopyToAsync(target, ct);
        return path;
    }

    public Task DeleteUploadAsync(string name) =>
        IsStoredName(name) ? store.DeleteAsync($"{Uploads}/{name}") : Task.CompletedTask;

    /// <summary>Stores a written error workbook for its maker; returns the token to fetch it by.</summary>
    public Task<string> SaveReportAsync(string? userKey, string localPath, CancellationToken ct) =>
        userFiles.SaveAsync(Reports, userKey, localPath, ct);

    /// <summary>The error workbook of a user and token; null for a malformed token or a missing file.</summary>
    public Task<Stream?> OpenReportAsync(string? userKey, string token, CancellationToken ct) =>
        userFiles.OpenAsync(Reports, userKey, token, ct);

    /// <summary>How long an error workbook (uploaded personal data with the errors) is kept.</summary>
    public static readonly TimeSpan ReportsKeepFor = TimeSpan.FromDays(1);

    /// <summary>Removes error workbooks older than a day, orphaned uploads and stale working copies older than the given age.</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        return await store.PurgeAsync(Reports, DateTime.UtcNow - ReportsKeepFor, ct) + await store.PurgeAsync(Uploads, cutoff, ct)
            + LocalFiles.Purge(WorkingDirectory, cutoff, ct);
    }

    private static bool IsStoredName(string name) => name.EndsWith(".xlsx") && IsToken(name[..^5]);
}
