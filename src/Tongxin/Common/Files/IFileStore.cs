namespace Tongxin.Common.Files;

/// <summary>
/// Where uploaded and generated files live. Keys are relative paths ("imports/ab12.xlsx"). The default
/// keeps them on disk under the data directory (several servers share it as a network folder); object
/// storage would be another implementation of this interface.
/// </summary>
public interface IFileStore
{
    Task SaveAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>The file's content, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes the files under a folder last written before the given time; returns how many.</summary>
    Task<int> PurgeAsync(string folder, DateTime olderThanUtc, CancellationToken ct = default);
}
