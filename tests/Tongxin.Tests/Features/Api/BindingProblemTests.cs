using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Api;

/// <summary>A value of the wrong type (model binding) answers 400 with a Chinese title, not the framework's "Bad Request".</summary>
public class BindingProblemTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_query_or_body_value_of_the_wrong_type_answers_a_chinese_problem()
    {
        var staff = await app.As("staff_city");
        var query = await ApiClient.ReadJson(await staff.GetAsync("/api/contact-logs?from=not-a-date"), HttpStatusCode.BadRequest);
        Assert.Equal("请求格式不正确", query["title"]!.GetValue<string>());
        Assert.Contains("类型不正确", query["detail"]!.GetValue<string>());
        var body = await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", new { figureId = "abc", date = "2026-01-01", way = "visit", summary = "x" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("请求格式不正确", body["title"]!.GetValue<string>());
        // Our own validation problems keep their titles and field errors.
        var own = await ApiClient.ReadJson(await staff.GetAsync("/api/liaison/due?state=nope"), HttpStatusCode.BadRequest);
        Assert.NotEqual("请求格式不正确", own["title"]?.GetValue<string>());
        Assert.NotNull(own["errors"]!["state"]);
    }
}
