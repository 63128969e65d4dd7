using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Users;

/// <summary>
/// User administration: an administrator edits a user's name, roles, region and unit within their own scope
/// (each change audited with what changed), and filters the list by role, region and state with paging kept.
/// </summary>
public abstract class UserAdminTests(TestApp app)
{
    private static async Task<string> Create(ApiClient admin, string userName, string region, params string[] roles)
    {
        var created = await ApiClient.ReadJson(await admin.PostAsync("/api/users",
            new { userName, displayName = userName, password = "Initial-Password-77", regionCode = region, roles }), HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private static async Task<JsonArray> Items(ApiClient client, string url) => (await client.GetJson(url))["items"]!.AsArray();

    [Fact]
    public async Task Admin_edits_name_roles_region_and_unit_and_each_change_is_audited()
    {
        var admin = await app.As("admin_city");
        var unit = await ApiClient.ReadJson(await admin.PostAsync("/api/org-units", new { name = "江阳区网信办", kind = "department", regionCode = "510502" }),
            HttpStatusCode.Created);
        var unitId = unit["id"]!.GetValue<long>();
        var id = await Create(admin, "ua_edit", "510503", "staff");

        var put = await admin.PutAsync($"/api/users/{id}",
            new { displayName = "王小明", regionCode = "510502", roles = new[] { "leader", "unit" }, orgUnitId = unitId });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var row = (await Items(admin, "/api/users?q=ua_edit"))[0]!;
        Assert.Equal("王小明", row["displayName"]!.GetValue<string>());
        Assert.Equal("510502", row["regionCode"]!.GetValue<string>());
        Assert.Equal(["leader", "unit"], row["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal("江阳区网信办", row["orgUnitName"]!.GetValue<string>());

        var audit = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.EntityId == id && a.Action == "user-update").Select(a => a.Summary).ToListAsync());
        var summary = Assert.Single(audit);
        Assert.Contains("姓名 ua_edit→王小明", summary);
        Assert.Contains("地区 510503→510502", summary);
        Assert.Contains("角色", summary);
        Assert.Contains("所属单位 无→江阳区网信办", summary);
    }

    [Fact]
    public async Task Edits_outside_the_admins_scope_or_on_oneself_are_refused_in_chinese()
    {
        var admin = await app.As("admin_city");
        var id = await Create(admin, "ua_scope", "510502", "staff");

        var outside = await ApiClient.ReadJson(await admin.PutAsync($"/api/users/{id}", new { regionCode = "510104", roles = new[] { "staff" } }),
            HttpStatusCode.BadRequest);
        Assert.Equal("地区代码无效", outside["errors"]!["regionCode"]![0]!.GetValue<string>());
        var noRoles = await ApiClient.ReadJson(await admin.PutAsync($"/api/users/{id}", new { regionCode = "510502", roles = Array.Empty<string>() }),
            HttpStatusCode.BadRequest);
        Assert.Equal("请至少选择一个角色", noRoles["errors"]!["roles"]![0]!.GetValue<string>());
        var badRole = await ApiClient.ReadJson(await admin.PutAsync($"/api/users/{id}", new { regionCode = "510502", roles = new[] { "king" } }),
            HttpStatusCode.BadRequest);
        Assert.Equal("角色无效", badRole["errors"]!["roles"]![0]!.GetValue<string>());

        var chengdu = await app.WithDb((db, _) => db.Users.Where(u => u.UserName == "staff_cd").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"/api/users/{chengdu}", new { regionCode = "510100", roles = new[] { "staff" } })).StatusCode);

        var me = await app.WithDb((db, _) => db.Users.Where(u => u.UserName == "admin_city").Select(u => u.Id).SingleAsync());
        var self = await ApiClient.ReadJson(await admin.PutAsync($"/api/users/{me}", new { regionCode = "510500", roles = new[] { "staff" } }),
            HttpStatusCode.Conflict);
        Assert.Equal("不能对自己的账户执行此操作", self["title"]!.GetValue<string>());

        var staff = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsync($"/api/users/{id}", new { regionCode = "510502", roles = new[] { "staff" } })).StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "user-update")));
    }

    [Fact]
    public async Task The_list_filters_by_role_region_and_state_and_keeps_paging()
    {
        var admin = await app.As("admin_city");
        await Create(admin, "uf_cadre_nx", "510503", "cadre");
        await Create(admin, "uf_cadre_jy", "510502", "cadre");
        var c = await Create(admin, "uf_cadre_town", "510502001", "cadre");
        await Create(admin, "uf_staff_jy", "510502", "staff");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{c}/disable")).StatusCode);

        static List<string> Names(JsonArray items) => items.Select(i => i!["userName"]!.GetValue<string>()).Where(n => n.StartsWith("uf_")).ToList();

        Assert.Equal(["uf_cadre_jy", "uf_cadre_nx", "uf_cadre_town"], Names(await Items(admin, "/api/users?q=uf_&role=cadre")));
        Assert.Equal(["uf_cadre_jy", "uf_cadre_town", "uf_staff_jy"], Names(await Items(admin, "/api/users?q=uf_&regionCode=510502")));
        Assert.Equal(["uf_cadre_town"], Names(await Items(admin, "/api/users?q=uf_&state=disabled")));
        Assert.Equal(["uf_cadre_jy", "uf_cadre_nx", "uf_staff_jy"], Names(await Items(admin, "/api/users?q=uf_&state=active")));
        Assert.Equal(["uf_cadre_jy"], Names(await Items(admin, "/api/users?q=uf_&role=cadre&regionCode=510502&state=active")));

        var firstPage = await admin.GetJson("/api/users?q=uf_&role=cadre&page=1&pageSize=2");
        Assert.Equal(3, firstPage["total"]!.GetValue<int>());
        Assert.Equal(2, firstPage["items"]!.AsArray().Count);
        var secondPage = await admin.GetJson("/api/users?q=uf_&role=cadre&page=2&pageSize=2");
        Assert.Equal("uf_cadre_town", Assert.Single(secondPage["items"]!.AsArray())!["userName"]!.GetValue<string>());

        foreach (var (url, field) in new[] { ("role=king", "role"), ("state=sleeping", "state"), ("regionCode=510104", "regionCode") })
        {
            var bad = await ApiClient.ReadJson(await admin.GetAsync($"/api/users?{url}"), HttpStatusCode.BadRequest);
            Assert.NotNull(bad["errors"]![field]);
        }
    }
}

public sealed class UserAdminTestsOnSqlite(SqliteApp app) : UserAdminTests(app), IClassFixture<SqliteApp>;
public sealed class UserAdminTestsOnPostgres(PostgresApp app) : UserAdminTests(app), IClassFixture<PostgresApp>;
