using System.Security.Cryptography;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

/// <summary>
/// Where import files live in the data directory: uploads waiting for a job under files/imports/, error
/// workbooks under files/import-reports/{user}/{token}.xlsx so that only their maker can fetch them.
/// </summary>
public sealed class ImportFiles(DatabaseOptions options)
{
    public string UploadsDirectory => Path.Combine(options.FilesDirectory, "imports");
    public string ReportsDirectory => Path.Combine(options.FilesDirectory, "import-reports");

    /// <summary>A fresh path for an upload; the name is random, never the user's file name.</summary>
    public string NewUploadPath()
    {
        Directory.CreateDirectory(UploadsDirectory);
        return Path.Combine(UploadsDirectory, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() + ".xlsx");
    }

    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static bool IsToken(string? token) => token is { Length: 32 } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The error workbook of a user and token; null for a malformed token.</summary>
    public string? ReportPath(string? userKey, string token, bool create = false)
    {
        if (!IsToken(token)) return null;
        var dir = Path.Combine(ReportsDirectory, SafeUserKey(userKey));
        if (create) Directory.CreateDirectory(dir);
        return Path.Combine(dir, token + ".xlsx");
    }

    /// <summary>Removes error workbooks and orphaned uploads older than the given age.</summary>
    public void Purge(TimeSpan olderThan)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        foreach (var dir in new[] { ReportsDirectory, UploadsDirectory })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*.xlsx", SearchOption.AllDirectories))
                if (File.GetLastWriteTimeUtc(file) < cutoff) TryDelete(file);
        }
    }

    public static void TryDelete(string? path)
    {
        try { if (path is not null && File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // User ids are GUIDs; anything else (the CLI) is reduced to safe characters.
    private static string SafeUserKey(string? userKey)
    {
        var key = new string((userKey ?? "cli").Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return key.Length == 0 ? "cli" : key;
    }
}
