using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Cli;

/// <summary>
/// SQLite backup: a consistent copy through VACUUM INTO, plus the keys folder (without the field keys
/// the encrypted ID numbers and phones cannot be read back). PostgreSQL: use pg_dump and WAL archiving.
/// </summary>
public static class Backup
{
    public static async Task<int> RunAsync(IServiceProvider sp, Options o)
    {
        var db = sp.GetRequiredService<TongxinDb>();
        var options = sp.GetRequiredService<DatabaseOptions>();
        if (options.IsPostgres)
            throw new CliException("on PostgreSQL use pg_dump (and WAL archiving for point-in-time recovery); copy the keys folder too: " + options.KeysDirectory);
        var target = Path.GetFullPath(o.Get("to") ?? Path.Combine(options.DataDirectory, "backups", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss")));
        Directory.CreateDirectory(target);
        var file = Path.Combine(target, "tongxin.db");
        if (File.Exists(file)) throw new CliException($"{file} already exists");
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {file}");
        CopyDirectory(options.KeysDirectory, Path.Combine(target, "keys"));
        var files = options.FilesDirectory;
        if (Directory.Exists(files)) CopyDirectory(files, Path.Combine(target, "files"));
        await db.LogAsync("backup", null, null, $"备份到 {target}");
        Console.WriteLine($"Backup written to {target} (database, keys{(Directory.Exists(files) ? ", files" : "")}).");
        Console.WriteLine("Restore: stop the server, copy tongxin.db, keys/ and files/ back into the data folder.");
        return 0;
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dest, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
