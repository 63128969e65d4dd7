using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Accounts;

/// <summary>
/// The new-figure form takes platform accounts: they are created with the figure in one transaction, checked
/// as <c>POST /api/figures/{id}/accounts</c> checks them, and any bad row refuses the whole create with the
/// row's field named (<c>accounts[1].handle</c>).
/// </summary>
public abstract class CreateFigureWithAccountsTests(TestApp app)
{
    private Task<int> Figures(string name) => app.WithDb((db, _) => db.Figures.CountAsync(f => f.Name == name));

    [Fact]
    public async Task A_figure_is_created_with_its_accounts_and_the_profile_shows_them()
    {
        var staff = await app.As("staff_city");
        var (douyin, weibo) = (Unique("new_dy_"), Unique("new_wb_"));
        var created = await ApiClient.ReadJson(await staff.PostAsync("/api/figures", new
        {
            name = "带账号新建",
            regionCode = "510502",
            accounts = new object[]
            {
                new { platform = "douyin", handle = douyin, url = "https://example.com/dy", followers = 125000, likes = 3000000, works = 520 },
                new { platform = "微博", handle = weibo, followers = 800 },
            },
        }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();

        var profile = await staff.GetJson($"/api/figures/{id}");
        var accounts = profile["accounts"]!.AsArray();
        Assert.Equal(2, accounts.Count);
        Assert.Equal(125000, profile["maxFollowers"]!.GetValue<long>());
        var first = accounts.Single(a => a!["handle"]!.GetValue<string>() == douyin)!;
        Assert.Equal("https://example.com/dy", first["url"]!.GetValue<string>());
        Assert.Equal(520, first["works"]!.GetValue<long>());
        var second = accounts.Single(a => a!["handle"]!.GetValue<string>() == weibo)!;
        Assert.Equal("weibo", second["platform"]!.GetValue<string>());
        Assert.Null(second["likes"]);

        // The handle finds the figure at once (search keys written in the same save).
        var found = await staff.GetJson($"/api/figures?q={douyin}");
        Assert.Contains(found["items"]!.AsArray(), f => f!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task A_bad_or_taken_account_row_refuses_the_whole_create_and_names_the_row()
    {
        var staff = await app.As("staff_city");
        var taken = Unique("taken_");
        var owner = await app.CreateFigure("staff_cd", new { name = "已有账号主人", regionCode = "510100" });
        await ApiClient.ReadJson(await (await app.As("staff_cd")).PostAsync($"/api/figures/{owner}/accounts", new { platform = "douyin", handle = taken }),
            HttpStatusCode.Created);
        var fine = Unique("fine_");

        var refused = await ApiClient.ReadJson(await staff.PostAsync("/api/figures", new
        {
            name = "不会写入",
            regionCode = "510502",
            accounts = new object[] { new { platform = "douyin", handle = fine }, new { platform = "douyin", handle = taken.ToUpper() } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("该平台账号已登记", refused["errors"]!["accounts[1].handle"]![0]!.GetValue<string>());

        var invalid = await ApiClient.ReadJson(await staff.PostAsync("/api/figures", new
        {
            name = "不会写入",
            regionCode = "510502",
            accounts = new object[]
            {
                new { platform = "myspace", handle = "x" },
                new { platform = "douyin", handle = "", followers = -1 },
                new { platform = "douyin", handle = fine, url = "ftp://x" },
                new { platform = "抖音", handle = fine.ToUpper() },
            },
        }), HttpStatusCode.BadRequest);
        var errors = invalid["errors"]!.AsObject();
        Assert.Equal("平台不在字典中", errors["accounts[0].platform"]![0]!.GetValue<string>());
        Assert.Equal("请填写账号", errors["accounts[1].handle"]![0]!.GetValue<string>());
        Assert.Equal("粉丝数不能为负数", errors["accounts[1].followers"]![0]!.GetValue<string>());
        Assert.NotNull(errors["accounts[2].url"]);
        Assert.Equal("与第 3 个账号重复", errors["accounts[3].handle"]![0]!.GetValue<string>());

        // A figure error and an account error are reported together.
        var both = await ApiClient.ReadJson(await staff.PostAsync("/api/figures", new
        {
            name = "",
            regionCode = "510502",
            accounts = new object[] { new { platform = "", handle = fine } },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(both["errors"]!["name"]);
        Assert.Equal("请选择平台", both["errors"]!["accounts[0].platform"]![0]!.GetValue<string>());

        Assert.Equal(0, await Figures("不会写入"));
        Assert.Equal(0, await app.WithDb((db, _) => db.PlatformAccounts.CountAsync(a => a.HandleKey == fine)));
    }

    [Fact]
    public async Task A_figure_without_accounts_is_created_as_before()
    {
        var staff = await app.As("staff_city");
        var created = await ApiClient.ReadJson(await staff.PostAsync("/api/figures", new { name = "无账号新建", regionCode = "510502", accounts = Array.Empty<object>() }),
            HttpStatusCode.Created);
        var profile = await staff.GetJson($"/api/figures/{created["id"]}");
        Assert.Empty(profile["accounts"]!.AsArray());
    }
}

public sealed class CreateFigureWithAccountsTestsOnSqlite(SqliteApp app) : CreateFigureWithAccountsTests(app), IClassFixture<SqliteApp>;
public sealed class CreateFigureWithAccountsTestsOnPostgres(PostgresApp app) : CreateFigureWithAccountsTests(app), IClassFixture<PostgresApp>;
