using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Tests.Features.TaskPlans;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Operations;

/// <summary>
/// PostgreSQL's backup route, the one the <c>backup</c> verb points to (it refuses on PostgreSQL): pg_dump of the
/// database plus a copy of the keys folder, restored with pg_restore into an empty database. Every table of the model
/// holds the same rows, the restored server reveals an ID number entered before the dump and undoes an import batch,
/// and a server started on the restored database without the keys folder stops with a message naming the folder.
/// </summary>
[Collection("operator verbs")] // the keyless start is told on the console
public sealed class PostgresBackupRoundTripTests(PostgresApp app) : IClassFixture<PostgresApp>, IAsyncLifetime
{
    private readonly string _restored = "txr_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tongxin-pgrt-" + Guid.NewGuid().ToString("N")[..10]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    private static string Tool(string name)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .First(d => File.Exists(Path.Combine(d, name)));
        return Path.Combine(bin, name);
    }

    private static void Run(string tool, string args)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString);
        using var p = Process.Start(new ProcessStartInfo(Tool(tool), $"-h {server.Host} -p {server.Port} -U {server.Username} {args}")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), $"{tool} timed out");
        Assert.True(p.ExitCode == 0, $"{tool} {args}: {output.Result}{error.Result}");
    }

    private static List<string> ModelTables()
    {
        using var db = new PostgresTongxinDb(new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql("Host=127.0.0.1;Database=none").Options,
            UnrestrictedScope.Instance, new CurrentActor());
        return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<Dictionary<string, List<string>>> Snapshot(string connectionString, IEnumerable<string> tables)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT * FROM \"{table}\"", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }
        return result;
    }

    private WebApplicationFactory<Program> Server(string dataDirectory) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Tongxin:Database", "postgres");
        b.UseSetting("ConnectionStrings:Tongxin", PostgresServer.ConnectionStringFor(_restored));
        b.UseSetting("Tongxin:DataDirectory", dataDirectory);
        b.UseSetting("Tongxin:SeedDemoOnFirstStart", "false");
        b.UseSetting("TONGXIN_ADMIN_PASSWORD", TestApp.AdminPassword);
        b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    });

    private static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
        }
    }

    [Fact]
    public async Task Pg_dump_and_the_keys_folder_restore_every_table_a_revealed_id_number_and_an_undoable_import()
    {
        var staff = await app.As("staff_city");
        var idNumber = IdNumber();
        var name = Name();
        var report = await Import(staff, new Tongxin.Tests.Features.Imports.WorkbookBuilder().Row("姓名", "身份证号", "工作单位", "平台", "账号", "粉丝数")
            .Row(name, idNumber, "某网络公司", "抖音", Unique("pgrt"), "2万").Build());
        var batch = report["batchId"]!.GetValue<long>();
        var kit = new TaskPlanKit(app);
        await kit.Task(await kit.Plan(), await kit.Unit("网信办" + TaskPlanKit.Tag()));

        var tables = ModelTables();
        var dump = Path.Combine(_root, "tongxin.dump");
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        var before = await Snapshot(app.ConnectionString, tables);
        Run("pg_dump", $"-Fc -d {database} -f {dump}");
        foreach (var t in new[] { "Figures", "PlatformAccounts", "ImportBatches", "TaskPlans", "PlanTasks", "KeyCheckValue" })
            Assert.True(before[t].Count > 0, $"{t} is empty before the dump");

        await using (var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_restored}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        Run("pg_restore", $"--no-owner -d {_restored} {dump}");
        var after = await Snapshot(PostgresServer.ConnectionStringFor(_restored), tables);
        foreach (var t in tables)
            Assert.True(before[t].SequenceEqual(after[t]),
                $"{t} differs after the restore: {before[t].Count} rows before, {after[t].Count} after; first difference: {before[t].Except(after[t]).Concat(after[t].Except(before[t])).FirstOrDefault()}");

        // Without the keys folder the server does not start, and says which folder to restore.
        var keyless = Path.Combine(_root, "keyless");
        Directory.CreateDirectory(keyless);
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = await Tongxin.Cli.Verbs.RunAsync(["migrate", "--Tongxin:Database=postgres", $"--ConnectionStrings:Tongxin={PostgresServer.ConnectionStringFor(_restored)}",
                $"--Tongxin:DataDirectory={keyless}", "--Tongxin:SeedDemoOnFirstStart=false"]);
        }
        finally { Console.SetError(previous); }
        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(keyless, "keys"), error.ToString());
        Assert.Contains("恢复", error.ToString());
        Assert.False(File.Exists(Path.Combine(keyless, "keys", "field-keys.json")));

        var data = Path.Combine(_root, "data");
        CopyTree(Path.Combine(app.DataDirectory, "keys"), Path.Combine(data, "keys"));
        await using (var server = Server(data))
        {
            var cookies = new CookieContainer();
            var client = new ApiClient(server.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/auth/login", new { userName = "staff_city", password = TestApp.Password })).StatusCode);
            var id = (await client.GetJson($"/api/figures?q={Uri.EscapeDataString(name)}"))["items"]![0]!["id"]!.GetValue<long>();
            var revealed = await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{id}/reveal", new { field = "idNumber" }));
            Assert.Equal(idNumber, revealed["value"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/import-batches/{batch}/undo")).StatusCode);
            Assert.Equal(0, (await client.GetJson($"/api/figures?q={Uri.EscapeDataString(name)}"))["total"]!.GetValue<int>());
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_restored}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
