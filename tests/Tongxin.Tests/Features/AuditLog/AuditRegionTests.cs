using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.AuditLog;

/// <summary>
/// Every audit line belongs to a region, so those who may read the region read it: a district user's writes of a
/// figure's accounts, snapshots, positions, honours and organization links carry the figure's region and show in
/// the city administrator's and the root administrator's views; failed sign-ins and sign-outs carry the user's
/// region (an unknown name the root's); the root administrator reads every line; creating a region is audited.
/// </summary>
public abstract class AuditRegionTests(TestApp app)
{
    private static JsonObject WithVersion(object body, JsonNode created)
    {
        var o = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body, ApiClient.Json))!.AsObject();
        o["version"] = created["version"]!.GetValue<int>();
        return o;
    }

    private static async Task<bool> Finds(ApiClient reader, string action, string entityType, string? entityId, string? userName = null)
    {
        var url = $"/api/audit?pageSize=100&action={action}&entityType={entityType}"
            + (entityId is null ? "" : $"&entityId={Uri.EscapeDataString(entityId)}")
            + (userName is null ? "" : $"&userName={Uri.EscapeDataString(userName)}");
        return (await reader.GetJson(url))["total"]!.GetValue<int>() > 0;
    }

    [Fact]
    public async Task A_district_users_writes_of_a_figures_rows_show_in_the_city_and_root_views()
    {
        var jy = await app.As("staff_jy");
        var figure = await app.CreateFigure("staff_jy", new { name = "审计区域人", regionCode = "510502" });
        var expected = new List<(string Action, string Type, string Id)>();

        // Account: create, update, snapshot, delete.
        var account = await ApiClient.ReadJson(await jy.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = "audit_region_acc" }), HttpStatusCode.Created);
        var accountId = account["id"]!.GetValue<long>().ToString();
        var updated = await ApiClient.ReadJson(await jy.PutAsync($"/api/accounts/{accountId}", WithVersion(new { platform = "douyin", handle = "audit_region_acc2" }, account)));
        var snapshot = await ApiClient.ReadJson(await jy.PostAsync($"/api/accounts/{accountId}/snapshots", new { date = "2025-01-01", followers = 10 }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await jy.DeleteAsync($"/api/accounts/{accountId}")).StatusCode);
        _ = updated;
        expected.AddRange([("create", "PlatformAccount", accountId), ("update", "PlatformAccount", accountId), ("delete", "PlatformAccount", accountId),
            ("create", "MetricSnapshot", snapshot["id"]!.GetValue<long>().ToString())]);

        // Position and honour: create, update, delete.
        foreach (var (route, type, create, change) in new (string, string, object, object)[]
                 {
                     ("positions", "Position", new { kind = "人大代表", title = "代表" }, new { kind = "npc", title = "常委" }),
                     ("honours", "Honour", new { title = "优秀主播" }, new { title = "十佳主播" }),
                 })
        {
            var created = await ApiClient.ReadJson(await jy.PostAsync($"/api/figures/{figure}/{route}", create), HttpStatusCode.Created);
            var id = created["id"]!.GetValue<long>().ToString();
            await ApiClient.ReadJson(await jy.PutAsync($"/api/{route}/{id}", WithVersion(change, created)));
            Assert.Equal(HttpStatusCode.NoContent, (await jy.DeleteAsync($"/api/{route}/{id}")).StatusCode);
            expected.AddRange([("create", type, id), ("update", type, id), ("delete", type, id)]);
        }

        // Organization link: link and unlink.
        var org = await ApiClient.ReadJson(await jy.PostAsync("/api/organizations", new { name = "审计区域公司", regionCode = "510502" }), HttpStatusCode.Created);
        var orgId = org["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await jy.PostAsync($"/api/organizations/{orgId}/figures", new { figureId = figure, role = "主播" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await jy.DeleteAsync($"/api/organizations/{orgId}/figures/{figure}")).StatusCode);
        expected.AddRange([("create", "OrganizationMember", $"{orgId},{figure}"), ("delete", "OrganizationMember", $"{orgId},{figure}")]);

        var root = await app.As("admin");
        var city = await app.As("admin_city");
        foreach (var (action, type, id) in expected)
        {
            Assert.True(await Finds(root, action, type, id), $"the root administrator does not see {action} {type} {id}");
            Assert.True(await Finds(city, action, type, id), $"the city administrator does not see {action} {type} {id}");
        }
        var regions = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.FigureId == figure).Select(a => a.RegionCode).Distinct().ToListAsync());
        Assert.Equal(["510502"], regions);
        // A city elsewhere does not.
        Assert.Equal(0, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.FigureId == figure && a.RegionCode!.StartsWith("5101"))));
    }

    [Fact]
    public async Task Failed_sign_ins_and_sign_outs_carry_a_region_and_the_root_reads_every_line()
    {
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/login", new { userName = "audit_nobody", password = "whatever-it-is-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/login", new { userName = "staff_nx", password = "wrong-password-1" })).StatusCode);
        var town = await app.SignInFresh("staff_town", TestApp.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await town.PostAsync("/api/auth/logout")).StatusCode);
        // A line of no region at all (written by an operator verb, say) is still the root's to read.
        await app.WithDb(async (db, _) => { await db.LogAsync("audit-test-no-region", null, null, "无地区"); return 0; });

        var root = await app.As("admin");
        var city = await app.As("admin_city");
        Assert.True(await Finds(root, "login-failed", "User", null, "audit_nobody"));
        Assert.True(await Finds(root, "login-failed", "User", null, "staff_nx"));
        Assert.True(await Finds(city, "login-failed", "User", null, "staff_nx"));
        Assert.True(await Finds(root, "logout", "User", null, "staff_town"));
        Assert.True(await Finds(city, "logout", "User", null, "staff_town"));
        Assert.Equal(1, (await root.GetJson("/api/audit?action=audit-test-no-region"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await city.GetJson("/api/audit?action=audit-test-no-region"))["total"]!.GetValue<int>());
        var lines = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.Action == "login-failed" || a.Action == "logout").ToListAsync());
        Assert.All(lines, l => Assert.NotNull(l.RegionCode));
    }

    [Fact]
    public async Task Creating_a_region_is_audited()
    {
        var root = await app.As("admin");
        var created = await root.PostAsync("/api/regions", new { code = "510504", name = "龙马潭区", parentCode = "510500" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(await Finds(root, "region-create", "Region", "510504"));
        Assert.True(await Finds(await app.As("admin_city"), "region-create", "Region", "510504"));
    }
}

public sealed class AuditRegionTestsOnSqlite(SqliteApp app) : AuditRegionTests(app), IClassFixture<SqliteApp>;
public sealed class AuditRegionTestsOnPostgres(PostgresApp app) : AuditRegionTests(app), IClassFixture<PostgresApp>;
