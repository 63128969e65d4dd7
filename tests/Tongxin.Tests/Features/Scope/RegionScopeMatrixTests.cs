using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Scope;

/// <summary>
/// Every figure and organization endpoint × user × own/parent/child/sibling/other-city region:
/// a user sees exactly their subtree, and nothing else leaks through lists, search, counts, detail or writes.
/// </summary>
public abstract class RegionScopeMatrixTests(TestApp app) : IAsyncLifetime
{
    // One figure per region, named so that a search for the common part finds them all.
    private static readonly (string Region, string Name)[] Placed =
    [
        ("510500", "范围测试市"), ("510502", "范围测试江"), ("510502001", "范围测试镇"), ("510503", "范围测试纳"), ("510104", "范围测试锦"),
    ];

    private readonly Dictionary<string, long> _figureIds = new();
    private readonly Dictionary<string, long> _orgIds = new();

    public static TheoryData<string, string[]> Visibility => new()
    {
        { "staff_city", ["510500", "510502", "510502001", "510503"] },
        { "staff_jy", ["510502", "510502001"] },
        { "staff_town", ["510502001"] },
        { "staff_nx", ["510503"] },
        { "staff_cd", ["510104"] },
        { "leader_city", ["510500", "510502", "510502001", "510503"] },
        { "admin", ["510500", "510502", "510502001", "510503", "510104"] },
    };

    public async Task InitializeAsync()
    {
        var admin = await app.As("admin");
        foreach (var (region, name) in Placed)
        {
            var existing = await admin.GetJson($"/api/figures?q={Uri.EscapeDataString(name)}&status=all");
            _figureIds[region] = existing["items"]!.AsArray().Count > 0
                ? existing["items"]![0]!["id"]!.GetValue<long>()
                : await app.CreateFigure("admin", new { name, regionCode = region, idNumber = (string?)null });
            var orgs = await admin.GetJson($"/api/organizations?q={Uri.EscapeDataString(name + "公司")}");
            if (orgs["items"]!.AsArray().Count > 0) _orgIds[region] = orgs["items"]![0]!["id"]!.GetValue<long>();
            else
            {
                var created = await ApiClient.ReadJson(await admin.PostAsync("/api/organizations", new { name = name + "公司", regionCode = region }), HttpStatusCode.Created);
                _orgIds[region] = created["id"]!.GetValue<long>();
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory, MemberData(nameof(Visibility))]
    public async Task List_search_and_count_show_exactly_the_subtree(string user, string[] visible)
    {
        var client = await app.As(user);
        var page = await client.GetJson("/api/figures?q=" + Uri.EscapeDataString("范围测试") + "&pageSize=100");
        var names = page["items"]!.AsArray().Select(i => i!["regionCode"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(visible.Order().ToArray(), names);
        Assert.Equal(visible.Length, page["total"]!.GetValue<int>());

        var orgs = await client.GetJson("/api/organizations?q=" + Uri.EscapeDataString("范围测试") + "&pageSize=100");
        Assert.Equal(visible.Order().ToArray(), orgs["items"]!.AsArray().Select(i => i!["regionCode"]!.GetValue<string>()).Order().ToArray());
    }

    [Theory, MemberData(nameof(Visibility))]
    public async Task Detail_of_a_record_outside_the_subtree_is_404(string user, string[] visible)
    {
        var client = await app.As(user);
        foreach (var (region, _) in Placed)
        {
            var expected = visible.Contains(region) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await client.GetAsync($"/api/figures/{_figureIds[region]}")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/figures/{_figureIds[region]}/history")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/organizations/{_orgIds[region]}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("staff_jy")]
    [InlineData("staff_nx")]
    [InlineData("staff_town")]
    public async Task Writes_to_records_outside_the_subtree_are_404_and_change_nothing(string user)
    {
        var client = await app.As(user);
        var outside = "510104"; // another city
        var id = _figureIds[outside];
        var put = await client.PutAsync($"/api/figures/{id}", new { name = "被篡改", regionCode = "510104", version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/figures/{id}?status=left&reason=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/figures/{id}/reveal", new { field = "phone" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/figures/{id}/accounts", new { platform = "douyin", handle = "hijack" + user })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/figures/{id}/positions", new { kind = "npc" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/organizations/{_orgIds[outside]}", new { name = "被篡改", regionCode = "510104", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/organizations/{_orgIds[outside]}")).StatusCode);

        var admin = await app.As("admin");
        var still = await admin.GetJson($"/api/figures/{id}");
        Assert.Equal("范围测试锦", still["name"]!.GetValue<string>());
        Assert.Equal("active", still["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("staff_jy", "510503")] // sibling
    [InlineData("staff_jy", "510500")] // parent
    [InlineData("staff_town", "510502")] // parent
    [InlineData("staff_city", "510104")] // other city
    public async Task A_region_outside_the_scope_is_answered_like_an_unknown_code(string user, string region)
    {
        var client = await app.As(user);
        var create = await ApiClient.ReadJson(await client.PostAsync("/api/figures", new { name = "越界", regionCode = region }), HttpStatusCode.BadRequest);
        var unknown = await ApiClient.ReadJson(await client.PostAsync("/api/figures", new { name = "越界", regionCode = "519999" }), HttpStatusCode.BadRequest);
        Assert.Equal(unknown["errors"]!["regionCode"]![0]!.GetValue<string>(), create["errors"]!["regionCode"]![0]!.GetValue<string>());
        var filter = await client.GetAsync($"/api/figures?regionCode={region}");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
    }

    [Fact]
    public async Task Moving_a_figure_to_a_region_outside_the_scope_is_refused()
    {
        var client = await app.As("staff_jy");
        var id = _figureIds["510502001"];
        var detail = await client.GetJson($"/api/figures/{id}");
        var put = await client.PutAsync($"/api/figures/{id}", new { name = "范围测试镇", regionCode = "510503", version = detail["version"]!.GetValue<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }

    [Theory]
    [InlineData("cadre_city")]
    [InlineData("unit_city")]
    [InlineData("association_city")]
    [InlineData("member_jy")]
    public async Task Roles_without_registry_access_get_403(string user)
    {
        var client = await app.As(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/figures/{_figureIds["510500"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/figures", new { name = "x", regionCode = "510500" })).StatusCode);
    }

    [Fact]
    public async Task Leader_reads_but_cannot_write_or_reveal()
    {
        var client = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/figures", new { name = "x", regionCode = "510500" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/figures/{_figureIds["510500"]}/reveal", new { field = "phone" })).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_before_anything_else()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/figures/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/figures", new { name = "x" })).StatusCode);
    }

    [Theory, MemberData(nameof(Visibility))]
    public async Task Dashboard_counts_only_the_subtree(string user, string[] visible)
    {
        if (user == "staff_town" || user == "staff_nx" || user == "staff_jy" || user == "staff_cd" || user == "admin") return; // covered by the city users; staff see the same data
        var client = await app.As(user);
        var dash = await client.GetJson("/api/dashboard");
        var total = dash["totalFigures"]!.GetValue<int>();
        var list = await client.GetJson("/api/figures?pageSize=1");
        Assert.Equal(list["total"]!.GetValue<int>(), total);
        Assert.True(total >= visible.Length);
    }
}

public sealed class RegionScopeMatrixTestsOnSqlite(SqliteApp app) : RegionScopeMatrixTests(app), IClassFixture<SqliteApp>;
public sealed class RegionScopeMatrixTestsOnPostgres(PostgresApp app) : RegionScopeMatrixTests(app), IClassFixture<PostgresApp>;
