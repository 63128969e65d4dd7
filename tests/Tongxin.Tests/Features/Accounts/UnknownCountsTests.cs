using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Accounts;

/// <summary>
/// Likes and works left blank are unknown (null), not 0: through the API (create, profile, update, snapshots),
/// the import (a blank cell) and the member's own data export.
/// </summary>
public abstract class UnknownCountsTests(TestApp app)
{
    private static JsonNode AccountOf(JsonNode profile, string handle) =>
        profile["accounts"]!.AsArray().Single(a => a!["handle"]!.GetValue<string>() == handle)!;

    [Fact]
    public async Task An_account_created_without_likes_and_works_reads_back_null_and_zero_stays_zero()
    {
        var staff = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "计数未知", regionCode = "510500" });
        var blank = Unique("blank_");
        var zero = Unique("zero_");
        var created = await ApiClient.ReadJson(await staff.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = blank, followers = 1200 }),
            HttpStatusCode.Created);
        Assert.Null(created["likes"]);
        Assert.Null(created["works"]);
        await ApiClient.ReadJson(await staff.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = zero, followers = 5, likes = 0, works = 0 }),
            HttpStatusCode.Created);

        var profile = await staff.GetJson($"/api/figures/{figure}");
        Assert.Null(AccountOf(profile, blank)["likes"]);
        Assert.Null(AccountOf(profile, blank)["works"]);
        Assert.Equal(1200, AccountOf(profile, blank)["followers"]!.GetValue<long>());
        Assert.Equal(0, AccountOf(profile, zero)["likes"]!.GetValue<long>());
        Assert.Equal(0, AccountOf(profile, zero)["works"]!.GetValue<long>());

        var snapshots = (await staff.GetJson($"/api/accounts/{created["id"]}/snapshots")).AsArray();
        Assert.Null(Assert.Single(snapshots)!["likes"]);

        // A known count cleared again is unknown again.
        var id = created["id"]!.GetValue<long>();
        var known = await ApiClient.ReadJson(await staff.PutAsync($"/api/accounts/{id}",
            new { platform = "douyin", handle = blank, followers = 1300, likes = 40, works = 3, version = created["version"]!.GetValue<int>() }));
        Assert.Equal(40, known["likes"]!.GetValue<long>());
        var cleared = await ApiClient.ReadJson(await staff.PutAsync($"/api/accounts/{id}",
            new { platform = "douyin", handle = blank, followers = 1300, likes = (long?)null, works = 3, version = known["version"]!.GetValue<int>() }));
        Assert.Null(cleared["likes"]);
        Assert.Equal(3, cleared["works"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_imported_row_with_blank_likes_and_works_stores_null()
    {
        var handle = Unique("imp_blank_");
        var counted = Unique("imp_counted_");
        var file = new WorkbookBuilder().Row("姓名", "所属地区", "平台", "账号", "粉丝数", "获赞数", "作品数")
            .Row(Name(), "江阳区", "抖音", handle, "3,200", null, "")
            .Row(Name(), "江阳区", "抖音", counted, "100", "0", "12")
            .Build();
        var report = await Import(await app.As("staff_city"), file);
        Assert.Empty(Errors(report));
        var rows = await app.WithDb((db, _) => db.PlatformAccounts.Include(a => a.Snapshots)
            .Where(a => a.HandleKey == handle || a.HandleKey == counted).ToListAsync());
        var blank = rows.Single(a => a.HandleKey == handle);
        Assert.Equal(3200, blank.Followers);
        Assert.Null(blank.Likes);
        Assert.Null(blank.Works);
        Assert.Null(Assert.Single(blank.Snapshots).Likes);
        var known = rows.Single(a => a.HandleKey == counted);
        Assert.Equal(0, known.Likes);
        Assert.Equal(12, known.Works);
    }
}

public sealed class UnknownCountsTestsOnSqlite(SqliteApp app) : UnknownCountsTests(app), IClassFixture<SqliteApp>;
public sealed class UnknownCountsTestsOnPostgres(PostgresApp app) : UnknownCountsTests(app), IClassFixture<PostgresApp>;
