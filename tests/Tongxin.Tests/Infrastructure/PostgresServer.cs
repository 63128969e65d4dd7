using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tongxin.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server on 127.0.0.1 for the test run: initdb into a temp folder, start on a
/// free port, stop at process exit. TONGXIN_TEST_PG (a connection string) uses an existing server instead.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string to the maintenance database of the running server.</summary>
    public static string AdminConnectionString => Server.Value;

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("TONGXIN_TEST_PG");
        if (!string.IsNullOrEmpty(given)) return given;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL server binaries not found: apt-get install -y postgresql (scripts/test.sh does this)");
        var asRoot = Environment.UserName == "root";
        RemoveAbandoned(bin, asRoot);
        var dir = Path.Combine(Path.GetTempPath(), $"tongxin-pg-{Environment.ProcessId}");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        if (asRoot) Run("chown", $"postgres:postgres {dir}");
        var port = FreePort();
        Pg(bin, asRoot, "initdb", $"-D {dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        Pg(bin, asRoot, "pg_ctl", $"-D {dir}/data -l {dir}/server.log -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=on -c max_connections=200\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Pg(bin, asRoot, "pg_ctl", $"-D {dir}/data -m immediate -w stop"); Directory.Delete(dir, true); }
            catch { /* best effort at exit */ }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    /// <summary>
    /// A test host killed before its exit handler runs leaves its cluster (~150 MB) behind; remove those
    /// whose process is gone, stopping a server that may still run from one.
    /// </summary>
    private static void RemoveAbandoned(string bin, bool asRoot)
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), "tongxin-pg-*"))
        {
            if (!int.TryParse(Path.GetFileName(old)["tongxin-pg-".Length..], out var pid) || IsRunning(pid)) continue;
            try
            {
                if (File.Exists(Path.Combine(old, "data", "postmaster.pid"))) Pg(bin, asRoot, "pg_ctl", $"-D {old}/data -m immediate -w stop");
            }
            catch { /* not running */ }
            try { Directory.Delete(old, true); } catch { /* another run got there first */ }
        }
    }

    private static bool IsRunning(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void Pg(string bin, bool asRoot, string tool, string args)
    {
        var exe = Path.Combine(bin, tool);
        if (asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    private static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) throw new TimeoutException($"{file} {args}");
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed: {output.Result}{error.Result}");
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
