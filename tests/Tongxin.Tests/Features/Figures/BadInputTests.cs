using System.Net;
using System.Text;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

public sealed class BadInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\": 12, \"regionCode\": \"510500\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_bodies_are_400_problems_not_500(string body)
    {
        var client = await app.As("staff_city");
        var response = await client.Send(HttpMethod.Post, "/api/figures", null, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_refused()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "严格数字", regionCode = "510500" });
        var response = await client.Send(HttpMethod.Post, $"/api/figures/{id}/accounts", null,
            new StringContent("{\"platform\":\"douyin\",\"handle\":\"strict_num\",\"followers\":\"12\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Fields_a_caller_may_not_set_are_ignored()
    {
        var client = await app.As("staff_city");
        var response = await client.PostAsync("/api/figures", new { name = "越权字段", regionCode = "510500", id = 987654, status = "left", isDemo = true, version = 42, maxFollowers = 99999999, createdAt = "2000-01-01T00:00:00Z" });
        var created = await ApiClient.ReadJson(response, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        Assert.NotEqual(987654, id);
        var detail = await client.GetJson($"/api/figures/{id}");
        Assert.Equal("active", detail["status"]!.GetValue<string>());
        Assert.False(detail["isDemo"]!.GetValue<bool>());
        Assert.Equal(0, detail["maxFollowers"]!.GetValue<long>());
        Assert.Equal(0, detail["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Page_size_is_capped_and_unknown_routes_are_404_problems()
    {
        var client = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/figures?pageSize=100000&page=-3")).StatusCode);
        var missing = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/figures/123456789")).StatusCode);
    }
}

public sealed class StaticFileTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_missing_file_is_404_even_when_signed_out()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/favicon-missing.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
    }
}
