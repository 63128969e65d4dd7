namespace Tongxin.Cli;

/// <summary>
/// A running server holds a shared lock on <c>server.lock</c> in the data folder (several servers may share a
/// folder); <see cref="Restore"/> needs it exclusively, so it refuses while any server uses the folder instead of
/// replacing files under it (writes acknowledged during such a restore were lost after the restart).
/// </summary>
public sealed class DataFolderLock(Common.Data.DatabaseOptions options) : IHostedService, IDisposable
{
    public const string FileName = "server.lock";
    private FileStream? _lock;

    public Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.DataDirectory);
        _lock = new FileStream(Path.Combine(options.DataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>Takes the folder for a restore: the returned stream must stay open while files are replaced.</summary>
    public static FileStream? TryTakeExclusive(string dataDirectory)
    {
        try
        {
            return new FileStream(Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
