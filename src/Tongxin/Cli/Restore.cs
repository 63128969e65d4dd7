using Tongxin.Common.Data;

namespace Tongxin.Cli;

/// <summary>
/// Restores a SQLite backup made by <see cref="Backup"/>: database file, keys and files. The server must be
/// stopped; the current data is moved aside (never deleted) so a wrong restore can be undone by hand.
/// </summary>
public static class Restore
{
    public static Task<int> RunAsync(string[] args)
    {
        // In-process callers may hold pooled connections to the file about to be replaced.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var options = Options.Parse(args);
        var from = Path.GetFullPath(options.Required("from"));
        var dataDir = Path.GetFullPath(options.Get("data") ?? Environment.GetEnvironmentVariable("Tongxin__DataDirectory") ?? "data");
        if (!File.Exists(Path.Combine(from, "tongxin.db"))) throw new CliException($"{from} holds no tongxin.db backup");
        if (!File.Exists(Path.Combine(from, "keys", Common.Security.FieldProtector.KeyFileName)))
            throw new CliException($"备份 {from} 中没有 keys 文件夹，恢复后加密字段将无法读取：请提供含 keys/ 的完整备份 ({from} holds no keys/: the encrypted fields could not be read back).");
        Directory.CreateDirectory(dataDir);
        using var folder = DataFolderLock.TryTakeExclusive(dataDir)
            ?? throw new CliException($"数据文件夹 {dataDir} 正被运行中的服务器使用：请先停止所有服务器再恢复 (a running server uses {dataDir}: stop it before restoring).");
        var aside = Path.Combine(dataDir, "replaced-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(aside);
        foreach (var name in new[] { "tongxin.db", "tongxin.db-wal", "tongxin.db-shm" })
        {
            var current = Path.Combine(dataDir, name);
            if (File.Exists(current)) File.Move(current, Path.Combine(aside, name));
        }
        foreach (var dir in new[] { "keys", "files" })
            if (Directory.Exists(Path.Combine(dataDir, dir))) Directory.Move(Path.Combine(dataDir, dir), Path.Combine(aside, dir));
        File.Copy(Path.Combine(from, "tongxin.db"), Path.Combine(dataDir, "tongxin.db"));
        CopyTree(Path.Combine(from, "keys"), Path.Combine(dataDir, "keys"));
        CopyTree(Path.Combine(from, "files"), Path.Combine(dataDir, "files"));
        Console.WriteLine($"Restored {from} into {dataDir}; the previous data was moved to {aside}.");
        return Task.FromResult(0);
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dest, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
