using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.OrgUnits;

public abstract class OrgUnitTests(TestApp app)
{
    [Fact]
    public async Task Admin_creates_units_and_assigns_users_and_other_regions_see_nothing()
    {
        var admin = await app.As("admin");
        var created = await ApiClient.ReadJson(await admin.PostAsync("/api/org-units", new { name = "纳溪区委统战部", kind = "department", regionCode = "510503" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        var user = await admin.PostAsync("/api/users", new { userName = "nx_unit_user", password = "Initial-Password-77", regionCode = "510503", roles = new[] { "staff" }, orgUnitId = id });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var users = await admin.GetJson("/api/users?q=nx_unit_user");
        Assert.Equal("纳溪区委统战部", users["items"]![0]!["orgUnitName"]!.GetValue<string>());

        var nx = (await (await app.As("staff_nx")).GetJson("/api/org-units")).AsArray();
        Assert.Contains(nx, u => u!["id"]!.GetValue<long>() == id);
        var jy = (await (await app.As("staff_jy")).GetJson("/api/org-units")).AsArray();
        Assert.DoesNotContain(jy, u => u!["id"]!.GetValue<long>() == id);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/org-units/{id}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_units_are_refused_and_staff_cannot_manage_units()
    {
        var admin = await app.As("admin");
        var bad = await ApiClient.ReadJson(await admin.PostAsync("/api/org-units", new { name = "", kind = "castle", regionCode = "519999" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["name"]);
        Assert.NotNull(bad["errors"]!["kind"]);
        Assert.NotNull(bad["errors"]!["regionCode"]);
        var staff = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/org-units", new { name = "x", kind = "other", regionCode = "510500" })).StatusCode);
        var cityAdmin = await app.As("admin_city");
        var outside = await cityAdmin.PostAsync("/api/org-units", new { name = "成都单位", kind = "other", regionCode = "510104" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }
}

public sealed class OrgUnitTestsOnSqlite(SqliteApp app) : OrgUnitTests(app), IClassFixture<SqliteApp>;
public sealed class OrgUnitTestsOnPostgres(PostgresApp app) : OrgUnitTests(app), IClassFixture<PostgresApp>;
