using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Demo;
using Tongxin.Features.Dashboard;
using Tongxin.Features.Figures;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Dashboard;

/// <summary>
/// The dashboard reads pre-aggregated tallies kept by database triggers: after every kind of write (API,
/// import and undo, demo data, raw bulk SQL) its numbers must equal plain GROUP BYs over the figures.
/// </summary>
public abstract class DashboardTallyTests(TestApp app)
{
    // (user, the user's region, regionCode query or null)
    private static readonly (string User, string Scope, string? RegionCode)[] Views =
    [
        ("admin", "510000", null), ("admin", "510000", "510500"), ("staff_city", "510500", null), ("staff_city", "510500", "510502"),
        ("staff_city", "510500", "510503"), ("staff_jy", "510502", null), ("staff_jy", "510502", "510502001"), ("leader_city", "510500", null),
    ];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<DashboardResponse> Api(string user, string? regionCode)
    {
        var json = await (await app.As(user)).GetJson("/api/dashboard" + (regionCode is null ? "" : "?regionCode=" + regionCode));
        return json.Deserialize<DashboardResponse>(ApiClient.Json)!;
    }

    private async Task<DashboardResponse> Reference(string scopeCode, string? regionCode)
    {
        using var scope = app.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DataScopeHolder>()
            .Use(new FixedScope(RegionRange.ForPrefix(Region.ScopePrefix(scopeCode, Region.LevelOf(scopeCode)))));
        return await ReferenceDashboard.ComputeAsync(scope.ServiceProvider.GetRequiredService<TongxinDb>(), regionCode);
    }

    private async Task AssertDashboardsMatch(string after)
    {
        foreach (var (user, scope, regionCode) in Views)
        {
            var expected = ReferenceDashboard.Canonical(await Reference(scope, regionCode));
            var actual = ReferenceDashboard.Canonical(await Api(user, regionCode));
            Assert.True(expected == actual, $"after {after}, {user} regionCode={regionCode}:\nexpected {expected}\nactual   {actual}");
        }
    }

    private async Task<long> Create(string user, object body) => await app.CreateFigure(user, body);

    private async Task<long> AddAccount(long figure, long followers)
    {
        var response = await (await app.As("staff_city")).PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = Unique("h"), followers });
        return (await ApiClient.ReadJson(response, HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task Dashboard_equals_grouped_counts_after_every_kind_of_write()
    {
        var client = await app.As("staff_city");
        var f1Id = IdNumber();
        var f1 = await Create("staff_city", new { name = Name(), regionCode = "510502", idNumber = f1Id, category = "anchor", keyLevel = "city", enrolledOn = $"{Today:yyyy-MM-dd}" });
        var f2 = await Create("staff_city", new { name = Name(), regionCode = "510503", category = "writer", enrolledOn = $"{Today.AddDays(-40):yyyy-MM-dd}" });
        var f3 = await Create("staff_city", new { name = Name(), regionCode = "510500", keyLevel = "district", enrolledOn = $"{Today.AddDays(-400):yyyy-MM-dd}" });
        var f4 = await Create("staff_city", new { name = Name(), regionCode = "510502001", category = "anchor", enrolledOn = $"{Today.AddYears(-3):yyyy-MM-dd}" });
        await Create("staff_jy", new { name = Name(), regionCode = "510502", category = "selfmedia" });
        await Create("staff_city", new { name = Name(), regionCode = "510503", category = "writer", keyLevel = "city", enrolledOn = $"{Today.AddMonths(-11):yyyy-MM}" });
        await AssertDashboardsMatch("creating figures");

        // Accounts move a figure between follower tiers and change the account count.
        var small = await AddAccount(f1, 5_000);
        var second = await AddAccount(f1, 150_000);
        var put = await client.PutAsync($"/api/accounts/{small}", new { platform = "douyin", handle = Unique("h"), followers = 20_000_000, version = 0 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/accounts/{second}/snapshots", new { followers = 1_500_000 })).StatusCode);
        await AssertDashboardsMatch("adding and updating accounts");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{small}")).StatusCode);
        await AddAccount(f2, 2_000_000);
        await AddAccount(f4, 12_000);
        await AssertDashboardsMatch("removing an account");

        // Edits of counted fields, and withdrawals (soft delete).
        var d2 = await client.GetJson($"/api/figures/{f2}");
        put = await client.PutAsync($"/api/figures/{f2}", new
        {
            name = d2["name"]!.GetValue<string>(),
            regionCode = "510502",
            category = "bigv",
            keyLevel = "district",
            enrolledOn = $"{Today.AddMonths(-5):yyyy-MM-dd}",
            version = d2["version"]!.GetValue<int>(),
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/figures/{f3}?status=left&reason=" + Uri.EscapeDataString("离开本地"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/figures/{f4}?status=transferred&reason=" + Uri.EscapeDataString("调出"))).StatusCode);
        await AssertDashboardsMatch("editing and withdrawing");

        // An import that updates f1 (a new large account) and adds two figures, then its undo, then one that stays.
        var header = new object?[] { "姓名", "身份证号", "所属地区", "人士类别", "重点人士", "入库时间", "平台", "账号", "粉丝数" };
        var file = new WorkbookBuilder().Row(header)
            .Row(Name(), f1Id, "江阳区", null, null, null, "快手", Unique("k"), "1100万")
            .Row(Name(), null, "纳溪区", "主播", "city", $"{Today.AddMonths(-2):yyyy-MM-dd}", "抖音", Unique("d"), "3.2万")
            .Row(Name(), null, "南城街道", null, null, null, null, null, null)
            .Build();
        var report = await Import(client, file);
        Assert.Empty(Errors(report));
        await AssertDashboardsMatch("an import");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/import-batches/{report["batchId"]!.GetValue<long>()}/undo")).StatusCode);
        await AssertDashboardsMatch("undoing the import");
        Assert.Empty(Errors(await Import(client, file)));
        await AssertDashboardsMatch("importing again");

        // Demo data: seeded through EF, removed with ExecuteDelete.
        await app.WithDb(async (_, sp) => { await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None); return 0; });
        await AssertDashboardsMatch("seeding demo data");
        await app.WithDb(async (_, sp) => await DemoSeeder.RemoveAsync(sp, CancellationToken.None));
        await AssertDashboardsMatch("removing demo data");

        // Writes that bypass EF change tracking: a multi-row INSERT … SELECT, a bulk status change, a bulk delete.
        await app.WithDb(async (db, _) =>
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Figures" ("Name", "SortKey", "RegionCode", "Category", "KeyLevel", "Tags", "Status", "EnrolledOn", "MaxFollowers", "AccountCount", "IsDemo", "CreatedAt", "UpdatedAt", "Version")
                SELECT "Name", "SortKey", "RegionCode", "Category", 'district', "Tags", "Status", "EnrolledOn", "MaxFollowers" * 100, 0, "IsDemo", "CreatedAt", "UpdatedAt", 0 FROM "Figures"
                """);
            await db.Figures.Where(f => f.Id == f3).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FigureStatus.Active));
            await db.Figures.Where(f => f.RegionCode == "510503" && f.AccountCount == 0).ExecuteDeleteAsync();
            return 0;
        });
        await AssertDashboardsMatch("raw SQL writes");

        // The kept account count matches the accounts, and a rebuild finds exactly what the triggers kept.
        await app.WithDb(async (db, _) =>
        {
            Assert.False(await db.Figures.AnyAsync(f => f.AccountCount != db.PlatformAccounts.Count(a => a.FigureId == f.Id)));
            var kept = await Tallies(db);
            await db.FigureTallies.ExecuteDeleteAsync();
            await db.FigureTallyChanges.ExecuteDeleteAsync();
            Assert.True(await FigureTallies.AreMissingAsync(db));
            await FigureTallies.RebuildAsync(db);
            Assert.False(await FigureTallies.AreMissingAsync(db));
            Assert.Equal(kept, await Tallies(db));
            return 0;
        });
        await AssertDashboardsMatch("a rebuild");
    }

    private static async Task<List<string>> Tallies(TongxinDb db) =>
        (await FigureTallies.Current(db, await db.Regions.Select(r => r.Code).ToListAsync()).Where(t => t.Count != 0).ToListAsync())
            .Select(t => $"{t.Dimension}|{t.RegionCode}|{t.Value}|{t.Count}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_user_of_another_region_sees_zeros()
    {
        var f = await Create("staff_city", new { name = Name(), regionCode = "510502", category = "anchor", keyLevel = "city" });
        await AddAccount(f, 50_000);
        var luzhou = await Api("staff_city", null);
        Assert.True(luzhou.TotalFigures > 0 && luzhou.TotalAccounts > 0 && luzhou.KeyFigures > 0);

        var chengdu = await Api("staff_cd", null);
        Assert.Equal(0, chengdu.TotalFigures);
        Assert.Equal(0, chengdu.KeyFigures);
        Assert.Equal(0, chengdu.NewThisYear);
        Assert.Equal(0, chengdu.TotalAccounts);
        Assert.Empty(chengdu.ByCategory);
        Assert.Empty(chengdu.ByKeyLevel);
        Assert.All(chengdu.ByFollowerTier, t => Assert.Equal(0, t.Count));
        Assert.All(chengdu.NewPerMonth, m => Assert.Equal(0, m.Count));
        Assert.All(chengdu.ByRegion, r => Assert.Equal(0, r.Count));
        // A region outside the caller's scope answers like an unknown one.
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.As("staff_cd")).GetAsync("/api/dashboard?regionCode=510502")).StatusCode);
    }
}

public sealed class DashboardTallyTestsOnSqlite(SqliteApp app) : DashboardTallyTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardTallyTestsOnPostgres(PostgresApp app) : DashboardTallyTests(app), IClassFixture<PostgresApp>;
