using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tongxin.Cli;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Demo;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Operations;

/// <summary>
/// Backup → wipe → restore with the operator verbs, as an operator would run them: every table of the model holds
/// the same rows afterwards, the restored keys reveal an ID number entered before the backup, and an import batch
/// from before the backup can still be undone. A backup without its keys folder is refused with a plain message,
/// and nothing in the data folder changes.
/// <para>
/// SQLite only: <c>backup</c> on PostgreSQL refuses and points to pg_dump and WAL archiving (with a copy of the
/// keys folder), which are PostgreSQL's own tools, not the product's.
/// </para>
/// </summary>
[Collection("operator verbs")]
public sealed class BackupRoundTripTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tongxin-roundtrip-" + Guid.NewGuid().ToString("N")[..10]);
    private string Data => Path.Combine(_root, "data");
    private string DbFile => Path.Combine(Data, "tongxin.db");

    private WebApplicationFactory<Program> Server(bool seedDemo) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Tongxin:Database", "sqlite");
        b.UseSetting("ConnectionStrings:Tongxin", $"Data Source={DbFile}");
        b.UseSetting("Tongxin:DataDirectory", Data);
        b.UseSetting("Tongxin:SeedDemoOnFirstStart", seedDemo ? "true" : "false");
        b.UseSetting("TONGXIN_ADMIN_PASSWORD", TestApp.AdminPassword);
        b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    });

    private static async Task<ApiClient> SignIn(WebApplicationFactory<Program> server, string userName, string password)
    {
        var cookies = new CookieContainer();
        var client = new ApiClient(server.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
        var response = await client.PostAsync("/api/auth/login", new { userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    private static async Task<(int Code, string Error)> Verb(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try { return (await Verbs.RunAsync(args), error.ToString()); }
        finally
        {
            Console.SetError(previous);
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The tables of the EF model (so that a new entity is covered without editing this test).</summary>
    private static List<string> ModelTables()
    {
        using var db = new SqliteTongxinDb(new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite("Data Source=:memory:").Options,
            UnrestrictedScope.Instance, new CurrentActor());
        return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every row of every table (and the schema: tables, indexes, triggers), each row as one sortable line.</summary>
    private Dictionary<string, List<string>> Snapshot(IEnumerable<string> tables)
    {
        using var conn = new SqliteConnection($"Data Source={DbFile};Pooling=false;Mode=ReadOnly");
        conn.Open();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables.Append("sqlite_master"))
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = table == "sqlite_master"
                ? "SELECT type, name, tbl_name, sql FROM sqlite_master"
                : $"SELECT * FROM \"{table}\"";
            using var reader = cmd.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }
        return result;
    }

    [Fact]
    public async Task Backup_wipe_restore_keeps_every_table_a_revealed_id_number_and_an_undoable_import()
    {
        var idNumber = IdNumber();
        var name = Name();
        var handle = Unique("rt");
        long batch;
        await using (var server = Server(seedDemo: true))
        {
            var staff = await SignIn(server, "staff", DemoSeeder.DemoPassword);
            var file = new Tongxin.Tests.Features.Imports.WorkbookBuilder().Row("姓名", "身份证号", "工作单位", "平台", "账号", "粉丝数")
                .Row(name, idNumber, "某网络公司", "抖音", handle, "2万")
                .Row(Name(), IdNumber(), "另一公司", null, null, null)
                .Build();
            var report = await Import(staff, file);
            Assert.Equal(2, report["created"]!.GetValue<int>());
            batch = report["batchId"]!.GetValue<long>();
        }
        SqliteConnection.ClearAllPools();

        var tables = ModelTables();
        var before = Snapshot(tables);
        // The seeded data reaches the daily-work tables, the import and the encrypted fields, not just the figures.
        foreach (var t in new[] { "Figures", "PlatformAccounts", "ImportBatches", "TaskPlans", "PlanTasks", "OrgUnits", "KeyCheckValue", "AuditEntries" })
            Assert.True(before[t].Count > 0, $"{t} is empty before the backup");
        Assert.True(tables.Count(t => before[t].Count > 0) >= tables.Count / 2,
            $"only {tables.Count(t => before[t].Count > 0)} of {tables.Count} tables hold rows; empty: {string.Join(", ", tables.Where(t => before[t].Count == 0))}");

        var backup = Path.Combine(_root, "backup");
        var host = new[] { $"--Tongxin:DataDirectory={Data}", "--Tongxin:SeedDemoOnFirstStart=false" };
        var (code, error) = await Verb(["backup", "--to", backup, .. host]);
        Assert.True(code == 0, error);

        // Wipe: the database, its keys and files are gone.
        foreach (var f in Directory.GetFiles(Data, "tongxin.db*")) File.Delete(f);
        foreach (var d in new[] { "keys", "files" })
            if (Directory.Exists(Path.Combine(Data, d))) Directory.Delete(Path.Combine(Data, d), true);

        // A backup without its keys folder is refused before anything is touched.
        var keyless = Path.Combine(_root, "keyless");
        Directory.CreateDirectory(keyless);
        File.Copy(Path.Combine(backup, "tongxin.db"), Path.Combine(keyless, "tongxin.db"));
        (code, error) = await Verb("restore", "--from", keyless, "--data", Data);
        Assert.Equal(2, code);
        Assert.Contains("keys", error);
        Assert.Contains("无法读取", error);
        Assert.False(File.Exists(DbFile));
        Assert.Empty(Directory.GetDirectories(Data, "replaced-*"));

        (code, error) = await Verb("restore", "--from", backup, "--data", Data);
        Assert.True(code == 0, error);
        var after = Snapshot(tables);
        foreach (var t in before.Keys)
            Assert.True(before[t].SequenceEqual(after[t]),
                $"{t} differs after the restore: {before[t].Count} rows before, {after[t].Count} after; first difference: {before[t].Except(after[t]).Concat(after[t].Except(before[t])).FirstOrDefault()}");

        // The restored server reads the restored ciphertext with the restored keys, and the batch still undoes.
        await using (var server = Server(seedDemo: false))
        {
            var staff = await SignIn(server, "staff", DemoSeeder.DemoPassword);
            var found = await staff.GetJson($"/api/figures?q={Uri.EscapeDataString(name)}");
            var id = found["items"]![0]!["id"]!.GetValue<long>();
            var revealed = await ApiClient.ReadJson(await staff.PostAsync($"/api/figures/{id}/reveal", new { field = "idNumber" }));
            Assert.Equal(idNumber, revealed["value"]!.GetValue<string>());

            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/import-batches/{batch}/undo")).StatusCode);
            Assert.Equal(0, (await staff.GetJson($"/api/figures?q={Uri.EscapeDataString(name)}"))["total"]!.GetValue<int>());
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
