using System.Net;
using Tongxin.Common.Validation;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Hardening;

/// <summary>Every text field has a maximum length (<see cref="TextLimits"/>); a longer one is a 400 naming the field in Chinese.</summary>
public abstract class TextLimitTests(TestApp app)
{
    private static readonly string Huge = new('长', 100_000);

    private static async Task AssertRefused(HttpResponseMessage response, string field, string label)
    {
        var json = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
        var message = json["errors"]?[field]?[0]?.GetValue<string>();
        Assert.True(message is not null, $"no error for {field}: {json.ToJsonString()}");
        Assert.Contains(label, message);
        Assert.Contains("不能超过", message);
    }

    [Theory]
    [InlineData("address", "地址")]
    [InlineData("description", "说明")]
    [InlineData("baseOffers", "基地可提供内容")]
    [InlineData("liaisonOfficer", "联系人")]
    public async Task Organization_texts_over_their_limit_are_refused(string field, string label)
    {
        var client = await app.As("staff_city");
        var body = new Dictionary<string, object?> { ["name"] = "超长测试单位", ["regionCode"] = "510500", [field] = Huge };
        await AssertRefused(await client.PostAsync("/api/organizations", body), field, label);
        body[field] = new string('长', TextLimits.For(field).Max);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/organizations", body)).StatusCode);
    }

    [Fact]
    public async Task Figure_position_honour_and_account_texts_over_their_limit_are_refused()
    {
        var client = await app.As("staff_city");
        await AssertRefused(await client.PostAsync("/api/figures", new { name = "超长住址", regionCode = "510500", homeAddress = Huge }), "homeAddress", "家庭住址");
        var figure = await app.CreateFigure("staff_city", new { name = "超长记录", regionCode = "510500" });
        await AssertRefused(await client.PostAsync($"/api/figures/{figure}/positions", new { kind = "npc", title = Huge }), "title", "标题");
        await AssertRefused(await client.PostAsync($"/api/figures/{figure}/honours", new { title = Huge }), "title", "标题");
        await AssertRefused(await client.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = "limit_h", url = "https://x/" + Huge }), "url", "主页链接");
        await AssertRefused(await client.GetAsync("/api/figures?q=" + new string('长', 5000)), "q", "搜索词");
    }

    [Fact]
    public async Task A_nul_character_is_a_400_on_both_databases()
    {
        var login = await app.Anonymous().PostAsync("/api/auth/login", new { userName = "a\0b", password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        var client = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/figures?q=a%00b")).StatusCode);
    }

    [Fact]
    public async Task Texts_in_nested_lists_are_checked_too()
    {
        var client = await app.As("admin_city");
        var response = await client.PutAsync("/api/dictionaries/ethnicity", new { items = new[] { new { code = "99", label = Huge, sortOrder = 1, isEnabled = true } } });
        await AssertRefused(response, "label", "名称");
    }
}

public sealed class TextLimitTestsOnSqlite(SqliteApp app) : TextLimitTests(app), IClassFixture<SqliteApp>;
public sealed class TextLimitTestsOnPostgres(PostgresApp app) : TextLimitTests(app), IClassFixture<PostgresApp>;
