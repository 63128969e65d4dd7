namespace Tongxin.Common.Files;

/// <summary>Quiet clean-up of local files: a file another process holds or already removed is not an error.</summary>
public static class LocalFiles
{
    public static bool TryDelete(string? path)
    {
        try
        {
            if (path is null || !File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Deletes the files under a folder (and its subfolders) last written before the cut-off; returns how many.</summary>
    public static int Purge(string directory, DateTime olderThanUtc, CancellationToken ct = default)
    {
        var n = 0;
        if (!Directory.Exists(directory)) return 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (File.GetLastWriteTimeUtc(file) < olderThanUtc && TryDelete(file)) n++;
        }
        return n;
    }
}
