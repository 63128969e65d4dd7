using System.Net;
using System.Text.Json.Nodes;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

public abstract class FigureApiTests(TestApp app)
{
    private static string Id(string first17) => first17 + Tongxin.Common.Validation.IdCardNumber.CheckDigit(first17);

    [Fact]
    public async Task Create_derives_birth_date_and_gender_from_the_id_number_and_masks_it()
    {
        var id = await app.CreateFigure("staff_city", new { name = "李身份", regionCode = "510502", idNumber = Id("51050219900512002").ToLowerInvariant(), phone = "13812345678" });
        var detail = await (await app.As("staff_city")).GetJson($"/api/figures/{id}");
        Assert.Equal("1990-05-12", detail["birthDate"]!.GetValue<string>());
        Assert.Equal("女", detail["gender"]!.GetValue<string>());
        Assert.Equal("138****5678", detail["phoneMasked"]!.GetValue<string>());
        Assert.Matches(@"^510502\*+\d{3}[\dX]$", detail["idNumberMasked"]!.GetValue<string>());
        Assert.DoesNotContain("19900512", detail.ToJsonString());
    }

    [Fact]
    public async Task Invalid_fields_get_chinese_messages_and_nothing_is_written()
    {
        var client = await app.As("staff_city");
        var before = await app.WithDb((db, _) => Task.FromResult(db.Figures.Count()));
        var response = await client.PostAsync("/api/figures", new
        {
            name = "",
            regionCode = "510502",
            idNumber = "510502199005120021",
            phone = "12345",
            birthDate = "1990-13-01",
            email = "not-an-email",
        });
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("请填写姓名", errors["name"]![0]!.GetValue<string>());
        Assert.Contains("校验", errors["idNumber"]![0]!.GetValue<string>());
        Assert.NotNull(errors["phone"]);
        Assert.NotNull(errors["birthDate"]);
        Assert.NotNull(errors["email"]);
        Assert.Equal(before, await app.WithDb((db, _) => Task.FromResult(db.Figures.Count())));
    }

    [Fact]
    public async Task Birth_date_disagreeing_with_the_id_number_is_refused()
    {
        var client = await app.As("staff_city");
        var response = await client.PostAsync("/api/figures", new { name = "张不符", regionCode = "510502", idNumber = Id("51050219900512003"), birthDate = "1991-05" });
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
        Assert.Equal("出生日期与身份证号不符", problem["errors"]!["birthDate"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Month_precision_birth_dates_stay_month_precision()
    {
        var id = await app.CreateFigure("staff_city", new { name = "周月份", regionCode = "510500", birthDate = "1990年5月" });
        var detail = await (await app.As("staff_city")).GetJson($"/api/figures/{id}");
        Assert.Equal("1990-05", detail["birthDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_id_number_cannot_be_registered_twice_even_in_another_region()
    {
        var number = Id("51050219850101005");
        await app.CreateFigure("staff_jy", new { name = "重复甲", regionCode = "510502", idNumber = number });
        var other = await app.As("staff_nx");
        var response = await other.PostAsync("/api/figures", new { name = "重复乙", regionCode = "510503", idNumber = number });
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
        Assert.Equal("该身份证号已在其他地区登记", problem["errors"]!["idNumber"]![0]!.GetValue<string>());
        var dup = await ApiClient.ReadJson(await other.PostAsync("/api/figures/duplicates", new { idNumber = number }));
        Assert.True(dup[0]!["outOfScope"]!.GetValue<bool>());
        Assert.Null(dup[0]!["name"]);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_409_and_changes_nothing()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "并发测", regionCode = "510500" });
        var v = (await client.GetJson($"/api/figures/{id}"))["version"]!.GetValue<int>();
        var first = await client.PutAsync($"/api/figures/{id}", new { name = "并发测一", regionCode = "510500", version = v });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsync($"/api/figures/{id}", new { name = "并发测二", regionCode = "510500", version = v });
        var problem = await ApiClient.ReadJson(second, HttpStatusCode.Conflict);
        Assert.Contains("已被他人修改", problem["title"]!.GetValue<string>());
        Assert.Equal("并发测一", (await client.GetJson($"/api/figures/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_write_is_audited_with_before_and_after_but_never_the_id_number()
    {
        var number = Id("51050219800101007");
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "审计前", regionCode = "510500", idNumber = number, workplace = "甲公司" });
        var v = (await client.GetJson($"/api/figures/{id}"))["version"]!.GetValue<int>();
        await client.PutAsync($"/api/figures/{id}", new { name = "审计后", regionCode = "510500", workplace = "乙公司", version = v });
        var history = (await client.GetJson($"/api/figures/{id}/history")).AsArray();
        var update = history.First(h => h!["action"]!.GetValue<string>() == "update")!;
        Assert.Equal("甲公司", update["changes"]!["workplace"]![0]!.GetValue<string>());
        Assert.Equal("乙公司", update["changes"]!["workplace"]![1]!.GetValue<string>());
        var raw = await app.WithDb((db, _) => Task.FromResult(string.Join("\n", db.AuditEntries.Select(a => a.Changes + a.Summary))));
        Assert.DoesNotContain(number, raw);
        Assert.DoesNotContain(number[6..14], raw);
    }

    [Fact]
    public async Task Reveal_returns_the_value_and_is_logged()
    {
        var number = Id("51050219700101009");
        var id = await app.CreateFigure("staff_city", new { name = "查看者", regionCode = "510500", idNumber = number });
        var client = await app.As("staff_city");
        var reveal = await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{id}/reveal", new { field = "idNumber" }));
        Assert.Equal(number, reveal["value"]!.GetValue<string>());
        var logged = await app.WithDb((db, _) => Task.FromResult(db.AuditEntries.Count(a => a.Action == "reveal" && a.FigureId == id)));
        Assert.Equal(1, logged);
        var stored = await app.WithDb((db, _) => Task.FromResult(db.Figures.Single(f => f.Id == id).IdNumberCipher!));
        Assert.DoesNotContain(number, stored);
    }

    [Fact]
    public async Task Delete_is_a_soft_withdrawal_that_keeps_the_record()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "退出者", regionCode = "510500" });
        var noReason = await client.DeleteAsync($"/api/figures/{id}?status=left");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/figures/{id}?status=transferred&reason=调往成都")).StatusCode);
        var detail = await client.GetJson($"/api/figures/{id}");
        Assert.Equal("transferred", detail["status"]!.GetValue<string>());
        var active = await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("退出者"));
        Assert.Equal(0, active["total"]!.GetValue<int>());
        var all = await client.GetJson("/api/figures?status=all&q=" + Uri.EscapeDataString("退出者"));
        Assert.Equal(1, all["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_withdrawn_figure_is_restored_with_a_reason_audited_and_found_again()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "恢复者", regionCode = "510502" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/figures/{id}?status=left&reason=本人申请")).StatusCode);
        var version = (await client.GetJson($"/api/figures/{id}"))["version"]!.GetValue<int>();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/figures/{id}/restore", new { reason = " ", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/figures/{id}/restore", new { reason = "重新入库", version = version - 1 })).StatusCode);
        var other = await app.As("staff_nx");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/figures/{id}/restore", new { reason = "重新入库", version })).StatusCode);
        Assert.Equal("left", (await client.GetJson($"/api/figures/{id}"))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/figures/{id}/restore", new { reason = "重新入库", version })).StatusCode);
        var detail = await client.GetJson($"/api/figures/{id}");
        Assert.Equal("active", detail["status"]!.GetValue<string>());
        Assert.Equal(1, (await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("恢复者")))["total"]!.GetValue<int>());
        var again = await client.PostAsync($"/api/figures/{id}/restore", new { reason = "再次", version = detail["version"]!.GetValue<int>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("已在库", await again.Content.ReadAsStringAsync());
        var history = (await client.GetJson($"/api/figures/{id}/history")).AsArray();
        Assert.Contains(history, h => h!["changes"]?["statusReason"]?[1]?.GetValue<string>() == "重新入库"
            && h["changes"]!["status"]?[1]?.ToString() is "0" or "Active" or "active");
    }

    [Theory]
    [InlineData("wy")]
    [InlineData("wangyi")]
    [InlineData("yi")]
    [InlineData("WangYi")]
    [InlineData("王逸")]
    [InlineData("逸")]
    [InlineData("王")]
    public async Task Search_finds_by_name_part_pinyin_and_initials(string q)
    {
        await EnsureSearchFixture();
        var client = await app.As("staff_city");
        var page = await client.GetJson("/api/figures?pageSize=100&q=" + Uri.EscapeDataString(q));
        Assert.Contains(page["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "王逸");
    }

    [Fact]
    public async Task Search_finds_by_handle_fragment_and_organization_name()
    {
        await EnsureSearchFixture();
        var client = await app.As("staff_city");
        var byHandle = await client.GetJson("/api/figures?q=luzhou_w");
        Assert.Contains(byHandle["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "王逸");
        var byOrg = await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("搜索测试传媒"));
        Assert.Contains(byOrg["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "王逸");
        var none = await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("王逸不存在的人"));
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Surname_readings_are_used_for_pinyin()
    {
        await app.CreateFigure("staff_city", new { name = "单田芳测", regionCode = "510500" });
        var client = await app.As("staff_city");
        var page = await client.GetJson("/api/figures?q=shantf");
        Assert.Contains(page["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "单田芳测");
    }

    [Fact]
    public async Task Filters_by_platform_follower_tier_key_level_and_tag()
    {
        await EnsureSearchFixture();
        var client = await app.As("staff_city");
        async Task<bool> Has(string query) =>
            (await client.GetJson("/api/figures?pageSize=100&" + query))["items"]!.AsArray().Any(i => i!["name"]!.GetValue<string>() == "王逸");
        Assert.True(await Has("platform=douyin&followerTier=100k&keyLevel=city&tag=" + Uri.EscapeDataString("搜索测试标签")));
        Assert.False(await Has("followerTier=1m&q=wy"));
        Assert.False(await Has("platform=weibo&q=wy"));
        Assert.False(await Has("keyLevel=district&q=wy"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/figures?followerTier=huge")).StatusCode);
    }

    [Fact]
    public async Task List_is_sorted_by_pinyin_and_paged()
    {
        var client = await app.As("staff_city");
        foreach (var n in new[] { "张排序", "阿排序", "李排序" }) await app.CreateFigure("staff_city", new { name = n, regionCode = "510503" });
        var page = await client.GetJson("/api/figures?regionCode=510503&q=" + Uri.EscapeDataString("排序") + "&pageSize=2&page=1");
        var names = ApiClient.ItemNames(page);
        Assert.Equal(["阿排序", "李排序"], names);
        Assert.Equal(3, page["total"]!.GetValue<int>());
        var second = await client.GetJson("/api/figures?regionCode=510503&q=" + Uri.EscapeDataString("排序") + "&pageSize=2&page=2");
        Assert.Equal("张排序", second["items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accounts_keep_dated_metric_snapshots_and_drive_max_followers()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "快照人", regionCode = "510500" });
        var account = await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{id}/accounts", new { platform = "kuaishou", handle = "snap_account", followers = 5000 }), HttpStatusCode.Created);
        var accountId = account["id"]!.GetValue<long>();
        var snap = await client.PostAsync($"/api/accounts/{accountId}/snapshots", new { date = "2025-01-01", followers = 3000, source = "self" });
        Assert.Equal(HttpStatusCode.Created, snap.StatusCode);
        var negative = await client.PostAsync($"/api/accounts/{accountId}/snapshots", new { date = "2025-02-01", followers = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var list = (await client.GetJson($"/api/accounts/{accountId}/snapshots")).AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("self", list[0]!["source"]!.GetValue<string>());
        Assert.Equal(5000, (await client.GetJson($"/api/figures/{id}"))["maxFollowers"]!.GetValue<long>());
        var dupHandle = await client.PostAsync($"/api/figures/{id}/accounts", new { platform = "kuaishou", handle = "SNAP_ACCOUNT" });
        Assert.Equal(HttpStatusCode.BadRequest, dupHandle.StatusCode);

        // Renaming another account (of a figure in another city) to the taken handle is refused the same way.
        var chengdu = await app.As("staff_cd");
        var other = await app.CreateFigure("staff_cd", new { name = "改名者", regionCode = "510104" });
        var second = await ApiClient.ReadJson(await chengdu.PostAsync($"/api/figures/{other}/accounts", new { platform = "kuaishou", handle = "free_handle" }), HttpStatusCode.Created);
        var renamed = await chengdu.PutAsync($"/api/accounts/{second["id"]}", new { platform = "kuaishou", handle = "Snap_Account", version = second["version"]!.GetValue<int>() });
        var problem = await ApiClient.ReadJson(renamed, HttpStatusCode.BadRequest);
        Assert.Equal("该平台账号已登记", problem["errors"]!["handle"]![0]!.GetValue<string>());
        var kept = await chengdu.PutAsync($"/api/accounts/{second["id"]}", new { platform = "kuaishou", handle = "free_handle", followers = 10, version = second["version"]!.GetValue<int>() });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task Positions_and_honours_are_validated_and_listed()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "有职务", regionCode = "510500" });
        var bad = await client.PostAsync($"/api/figures/{id}/positions", new { kind = "npc", termStart = "2027-01", termEnd = "2022-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/figures/{id}/positions", new { kind = "人大代表", level = "city", title = "代表", termStart = "2022-01", termEnd = "2027-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/figures/{id}/honours", new { title = "优秀主播", level = "city", awardedOn = "2024-12" })).StatusCode);
        var detail = await client.GetJson($"/api/figures/{id}");
        Assert.Equal("npc", detail["positions"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("2024-12", detail["honours"]![0]!["awardedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organization_credit_code_is_checked()
    {
        var client = await app.As("staff_city");
        var bad = await ApiClient.ReadJson(await client.PostAsync("/api/organizations", new { name = "校验公司", regionCode = "510500", creditCode = "91350100M000100Y44" }), HttpStatusCode.BadRequest);
        Assert.Contains("校验", bad["errors"]!["creditCode"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/organizations", new { name = "校验公司", regionCode = "510500", creditCode = "91350100M000100Y43" })).StatusCode);
    }

    private async Task EnsureSearchFixture()
    {
        var client = await app.As("staff_city");
        var existing = await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("王逸") + "&pageSize=100");
        if (existing["items"]!.AsArray().Any(i => i!["name"]!.GetValue<string>() == "王逸")) return;
        var id = await app.CreateFigure("staff_city", new { name = "王逸", regionCode = "510502", keyLevel = "city", tags = new[] { "搜索测试标签" } });
        await client.PostAsync($"/api/figures/{id}/accounts", new { platform = "douyin", handle = "luzhou_wangyi", followers = 250000 });
        var org = await ApiClient.ReadJson(await client.PostAsync("/api/organizations", new { name = "搜索测试传媒有限公司", regionCode = "510500" }), HttpStatusCode.Created);
        await client.PostAsync($"/api/organizations/{org["id"]!.GetValue<long>()}/figures", new { figureId = id, role = "主播" });
    }
}

public sealed class FigureApiTestsOnSqlite(SqliteApp app) : FigureApiTests(app), IClassFixture<SqliteApp>;
public sealed class FigureApiTestsOnPostgres(PostgresApp app) : FigureApiTests(app), IClassFixture<PostgresApp>;
