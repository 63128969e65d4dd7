using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Model;

/// <summary>
/// DailyWorkSupplements on a database that already holds data from before it: text over the new limits (possible
/// before the limits existed) is cut to the limit instead of failing the ALTER COLUMN, and plans made twice for one
/// year and region are folded into the earliest (their tasks moved after its own, in order; an audit line per folded
/// plan) instead of failing the new unique index.
/// </summary>
public abstract class MigrationDataTests : IAsyncLifetime
{
    private const string Before = "SensitiveLiaisonPhone";
    protected abstract TongxinDb NewDb();
    public abstract Task InitializeAsync();
    public abstract Task DisposeAsync();

    [Fact]
    public async Task Over_long_text_is_cut_and_duplicate_plans_are_folded_when_migrating_up()
    {
        await using (var db = NewDb())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var longText = new string('长', 3000);
            await Exec(db, $"""
                INSERT INTO "OrgUnits" ("Id", "Name", "Kind", "RegionCode", "IsDemo", "Version") VALUES (1, '民宗局', 'unit', '510500', FALSE, 0);
                INSERT INTO "Organizations" ("Id", "Name", "NameKey", "RegionCode", "IsBase", "IsDemo", "Version", "Address", "Description", "BaseOffers", "LiaisonOfficer")
                    VALUES (1, '长文本机构', 'changwenbenjigou', '510500', FALSE, FALSE, 0, '{longText}', '{longText}', '短的', '{new string('张', 60)}');
                INSERT INTO "TaskPlans" ("Id", "Title", "Year", "RegionCode", "CreatedAt", "IsDemo", "Version") VALUES
                    (10, '甲方案', 2025, '510500', '2025-01-02 00:00:00', FALSE, 0),
                    (11, '乙方案', 2025, '510500', '2025-01-03 00:00:00', FALSE, 0),
                    (12, '丙方案', 2025, '510500', '2025-01-04 00:00:00', FALSE, 0),
                    (13, '空方案', 2025, '510500', '2025-01-05 00:00:00', FALSE, 0),
                    (20, '另一年', 2026, '510500', '2026-01-02 00:00:00', FALSE, 0),
                    (30, '另一地', 2025, '510100', '2025-01-02 00:00:00', FALSE, 0);
                INSERT INTO "PlanTasks" ("Id", "PlanId", "Seq", "Title", "LeadUnitId", "Version") VALUES
                    (100, 10, 1, '甲1', 1, 0), (101, 10, 2, '甲2', 1, 0),
                    (110, 11, 1, '乙1', 1, 0), (111, 11, 2, '乙2', 1, 0), (112, 11, 3, '乙3', 1, 0),
                    (120, 12, 1, '丙1', 1, 0),
                    (200, 20, 1, '另一年1', 1, 0), (300, 30, 1, '另一地1', 1, 0);
                """);
        }

        await using (var db = NewDb())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            var org = await Rows(db, """SELECT "Address", "Description", "BaseOffers", "LiaisonOfficer" FROM "Organizations" WHERE "Id" = 1""");
            Assert.Equal(new string('长', 200), org[0][0]);
            Assert.Equal(new string('长', 2000), org[0][1]);
            Assert.Equal("短的", org[0][2]);
            Assert.Equal(new string('张', 50), org[0][3]);

            // The earliest plan keeps its tasks, then the others' in plan order; nothing else moves.
            var plans = await Rows(db, """SELECT "Id" FROM "TaskPlans" ORDER BY "Id" """);
            Assert.Equal(["10", "20", "30"], plans.Select(r => r[0]));
            var tasks = await Rows(db, """SELECT "PlanId", "Title" FROM "PlanTasks" ORDER BY "PlanId", "Seq", "Id" """);
            Assert.Equal(
                ["10 甲1", "10 甲2", "10 乙1", "10 乙2", "10 乙3", "10 丙1", "20 另一年1", "30 另一地1"],
                tasks.Select(r => $"{r[0]} {r[1]}"));
            var seqs = await Rows(db, """SELECT "Seq" FROM "PlanTasks" WHERE "PlanId" = 10 ORDER BY "Seq" """);
            Assert.Equal(6, seqs.Select(r => r[0]).Distinct().Count());

            var audit = await Rows(db, """SELECT "EntityId", "RegionCode", "Summary" FROM "AuditEntries" WHERE "Action" = 'task-plan-merge' ORDER BY "Id" """);
            Assert.Equal(3, audit.Count);
            Assert.All(audit, a => Assert.Equal("10", a[0]));
            Assert.All(audit, a => Assert.Equal("510500", a[1]));
            Assert.Contains(audit, a => a[2]!.Contains("2025年“乙方案”（#11）") && a[2]!.EndsWith("#10"));
            Assert.Contains(audit, a => a[2]!.Contains("丙方案") && a[2]!.Contains("#12"));
            Assert.Contains(audit, a => a[2]!.Contains("空方案") && a[2]!.Contains("#13"));

            // The unique index is in place and the model reads the folded data.
            Assert.Equal(3, await db.Set<Tongxin.Features.TaskPlans.TaskPlan>().CountAsync());
            await Assert.ThrowsAnyAsync<DbException>(() => Exec(db, """
                INSERT INTO "TaskPlans" ("Title", "Year", "RegionCode", "CreatedAt", "IsDemo", "Version") VALUES ('再来一个', 2025, '510500', '2025-02-01 00:00:00', FALSE, 0)
                """));
        }
    }

    private static Task Exec(TongxinDb db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    private static async Task<List<string?[]>> Rows(TongxinDb db, string sql)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return rows;
    }
}

public sealed class MigrationDataTestsOnSqlite : MigrationDataTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tongxin-migdata-" + Guid.NewGuid().ToString("N")[..10]);

    protected override TongxinDb NewDb() => new SqliteTongxinDb(
        new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite($"Data Source={Path.Combine(_dir, "tongxin.db")};Pooling=false")
            .AddInterceptors(new SqlitePragmas()).Options, UnrestrictedScope.Instance, new CurrentActor());

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class MigrationDataTestsOnPostgres : MigrationDataTests
{
    private readonly string _database = "txmig_" + Guid.NewGuid().ToString("N")[..12];

    protected override TongxinDb NewDb() => new PostgresTongxinDb(
        new DbContextOptionsBuilder<PostgresTongxinDb>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringFor(_database)) { Pooling = false }.ConnectionString).Options,
        UnrestrictedScope.Instance, new CurrentActor());

    public override async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await using var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
