namespace Tongxin.Common.Files;

/// <summary>Files under one root folder; a file appears only when completely written (temp file + rename).</summary>
public sealed class DiskFileStore(string root) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    // Stored files (uploads with personal data, error workbooks, exports) are readable by the server's user only.
    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    public string PathOf(string key) => Path.Combine(Root, FileKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task SaveAsync(string key, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        try
        {
            await using (var target = new FileStream(temp, CreateOptions()))
                await content.CopyToAsync(target, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            LocalFiles.TryDelete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        LocalFiles.TryDelete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<int> PurgeAsync(string folder, DateTime olderThanUtc, CancellationToken ct = default) =>
        Task.FromResult(LocalFiles.Purge(PathOf(folder), olderThanUtc, ct));
}
