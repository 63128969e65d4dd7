using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Accounts;

/// <summary>
/// One account, one owner: a (platform, handle) is registered once across all regions. Create, update and import
/// refuse a second owner, and two creates at the same moment end with one account (the unique index judges,
/// the loser gets the same field error as a sequential duplicate).
/// </summary>
public abstract class HandleOwnerTests(TestApp app)
{
    private async Task<long> Account(ApiClient client, long figure, string handle, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var json = await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle }), expected);
        return expected == HttpStatusCode.Created ? json["id"]!.GetValue<long>() : 0;
    }

    private Task<int> Owners(string handle) =>
        app.WithDb((db, _) => db.PlatformAccounts.CountAsync(a => a.Platform == "douyin" && a.HandleKey == handle.ToLower()));

    [Fact]
    public async Task Create_and_update_refuse_a_handle_registered_in_another_city()
    {
        var handle = Unique("owner_");
        var luzhou = await app.CreateFigure("staff_city", new { name = "账号甲", regionCode = "510500" });
        var chengdu = await app.CreateFigure("staff_cd", new { name = "账号乙", regionCode = "510100" });
        await Account(await app.As("staff_city"), luzhou, handle);
        var cd = await app.As("staff_cd");
        var refused = await ApiClient.ReadJson(await cd.PostAsync($"/api/figures/{chengdu}/accounts", new { platform = "douyin", handle = handle.ToUpper() }), HttpStatusCode.BadRequest);
        Assert.Equal("该平台账号已登记", refused["errors"]!["handle"]![0]!.GetValue<string>());

        var own = await ApiClient.ReadJson(await cd.PostAsync($"/api/figures/{chengdu}/accounts", new { platform = "douyin", handle = Unique("own_") }), HttpStatusCode.Created);
        var renamed = await ApiClient.ReadJson(await cd.PutAsync($"/api/accounts/{own["id"]}", new { platform = "douyin", handle, version = own["version"]!.GetValue<int>() }), HttpStatusCode.BadRequest);
        Assert.Equal("该平台账号已登记", renamed["errors"]!["handle"]![0]!.GetValue<string>());
        Assert.Equal(1, await Owners(handle));
    }

    [Fact]
    public async Task An_import_row_with_a_handle_repeated_in_the_sheet_or_owned_by_another_figure_is_a_row_error()
    {
        // Owned in scope by another person than the row's (the row names someone else by ID number), and owned in another city.
        var owned = Unique("imp_owned_");
        var owner = await app.CreateFigure("staff_city", new { name = "导入账号主人", regionCode = "510500" });
        await Account(await app.As("staff_city"), owner, owned);
        var idNumber = IdNumber();
        await app.CreateFigure("staff_city", new { name = "导入另一人", regionCode = "510500", idNumber });
        var elsewhere = Unique("imp_cd_");
        var chengdu = await app.CreateFigure("staff_cd", new { name = "成都账号主人", regionCode = "510100" });
        await Account(await app.As("staff_cd"), chengdu, elsewhere);
        var twice = Unique("imp_twice_");
        var file = new WorkbookBuilder().Row("姓名", "身份证号", "所属地区", "平台", "账号")
            .Row(Name(), null, "江阳区", "抖音", twice)
            .Row(Name(), null, "江阳区", "抖音", twice.ToUpper())
            .Row("导入另一人", idNumber, "泸州市", "抖音", owned)
            .Row(Name(), null, "江阳区", "抖音", elsewhere)
            .Build();
        var report = await Import(await app.As("staff_city"), file, "dryRun");
        var errors = Errors(report);
        Assert.Contains(errors, e => e.Row == 3 && e.Message.Contains("重复"));
        Assert.Contains(errors, e => e.Row == 4 && e.Message.Contains("已由他人登记"));
        Assert.Contains(errors, e => e.Row == 5 && e.Message.Contains("平台账号"));
        Assert.Equal(0, await Owners(twice));
        Assert.Equal(1, await Owners(owned));
        Assert.Equal(1, await Owners(elsewhere));
    }

    [Fact]
    public async Task Two_creates_of_one_handle_at_once_leave_one_account()
    {
        var city = await app.As("staff_city");
        var nx = await app.As("staff_nx");
        var a = await app.CreateFigure("staff_city", new { name = "并发账号甲", regionCode = "510500" });
        var b = await app.CreateFigure("staff_nx", new { name = "并发账号乙", regionCode = "510503" });
        for (var round = 0; round < 10; round++)
        {
            var handle = Unique("race_");
            var answers = await Task.WhenAll(
                city.PostAsync($"/api/figures/{a}/accounts", new { platform = "douyin", handle }),
                nx.PostAsync($"/api/figures/{b}/accounts", new { platform = "douyin", handle }));
            var codes = answers.Select(r => r.StatusCode).Order().ToList();
            Assert.True(codes.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.BadRequest]),
                $"round {round}: {string.Join(", ", codes)} {string.Join(" | ", await Task.WhenAll(answers.Select(r => r.Content.ReadAsStringAsync())))}");
            Assert.Equal(1, await Owners(handle));
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_owner_whatever_the_writer()
    {
        var handle = Unique("index_");
        var figure = await app.CreateFigure("staff_city", new { name = "索引账号", regionCode = "510500" });
        await Account(await app.As("staff_city"), figure, handle);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDb(async (db, _) =>
        {
            db.PlatformAccounts.Add(new Tongxin.Features.Figures.PlatformAccount { FigureId = figure, Platform = "douyin", Handle = handle.ToUpper() });
            return await db.SaveChangesAsync();
        }));
    }
}

public sealed class HandleOwnerTestsOnSqlite(SqliteApp app) : HandleOwnerTests(app), IClassFixture<SqliteApp>;
public sealed class HandleOwnerTestsOnPostgres(PostgresApp app) : HandleOwnerTests(app), IClassFixture<PostgresApp>;
