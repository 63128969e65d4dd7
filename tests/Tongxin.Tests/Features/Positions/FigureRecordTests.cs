using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Positions;

/// <summary>Positions and honours share one add/update/delete; each kind goes through every verb.</summary>
public abstract class FigureRecordTests(TestApp app)
{
    public static TheoryData<string, object, object> Kinds => new()
    {
        { "positions", new { kind = "人大代表", title = "代表" }, new { kind = "npc", title = "常委" } },
        { "honours", new { title = "优秀主播" }, new { title = "十佳主播" } },
    };

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_record_is_updated_with_its_version_and_a_stale_version_is_refused(string route, object create, object change)
    {
        var client = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "记录人", regionCode = "510500" });
        var created = await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{figure}/{route}", create), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        var version = created["version"]!.GetValue<int>();

        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(change))!.AsObject();
        body["version"] = version;
        var updated = await ApiClient.ReadJson(await client.PutAsync($"/api/{route}/{id}", body), HttpStatusCode.OK);
        Assert.NotEqual(version, updated["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsync($"/api/{route}/{id}", body)).StatusCode);

        body.Remove("version");
        var missing = await ApiClient.ReadJson(await client.PutAsync($"/api/{route}/{id}", body), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["version"]);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_record_outside_the_scope_is_not_found_and_a_deleted_one_is_gone(string route, object create, object change)
    {
        _ = change;
        var client = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "记录删除", regionCode = "510502" });
        var id = (await ApiClient.ReadJson(await client.PostAsync($"/api/figures/{figure}/{route}", create), HttpStatusCode.Created))["id"]!.GetValue<long>();

        var other = await app.As("staff_nx");
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/{route}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/figures/{figure}/{route}", create)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/{route}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/{route}/{id}")).StatusCode);
    }
}

public sealed class FigureRecordTestsOnSqlite(SqliteApp app) : FigureRecordTests(app), IClassFixture<SqliteApp>;
public sealed class FigureRecordTestsOnPostgres(PostgresApp app) : FigureRecordTests(app), IClassFixture<PostgresApp>;
