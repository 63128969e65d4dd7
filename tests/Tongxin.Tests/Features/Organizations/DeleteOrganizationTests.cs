using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Organizations;

/// <summary>
/// No silent cross-region deletes: an organization linked to figures the caller cannot see is not deleted (409
/// saying how many links lie outside the scope, nothing removed); one whose links are all in scope is deleted
/// with a delete line for each link.
/// </summary>
public abstract class DeleteOrganizationTests(TestApp app)
{
    [Fact]
    public async Task An_organization_with_links_outside_the_scope_is_not_deleted_and_one_within_is_deleted_with_each_links_line()
    {
        var city = await app.As("staff_city");
        var org = await ApiClient.ReadJson(await city.PostAsync("/api/organizations", new { name = "跨区删除公司", regionCode = "510502" }), HttpStatusCode.Created);
        var orgId = org["id"]!.GetValue<long>();
        var inside = await app.CreateFigure("staff_city", new { name = "区内人士", regionCode = "510502" });
        var outside1 = await app.CreateFigure("staff_city", new { name = "区外人士一", regionCode = "510503" });
        var outside2 = await app.CreateFigure("staff_city", new { name = "区外人士二", regionCode = "510500" });
        foreach (var figure in new[] { inside, outside1, outside2 })
            Assert.Equal(HttpStatusCode.NoContent, (await city.PostAsync($"/api/organizations/{orgId}/figures", new { figureId = figure })).StatusCode);

        var district = await app.As("staff_jy");
        var refused = await ApiClient.ReadJson(await district.DeleteAsync($"/api/organizations/{orgId}"), HttpStatusCode.Conflict);
        Assert.Contains("2 名", refused["title"]!.GetValue<string>());
        Assert.Equal(3, await Links(orgId));
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/organizations/{orgId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await city.DeleteAsync($"/api/organizations/{orgId}")).StatusCode);
        Assert.Equal(0, await Links(orgId));
        var lines = await app.WithDb((db, _) => db.AuditEntries
            .Where(a => a.Action == "delete" && a.EntityType == "OrganizationMember" && a.EntityId!.StartsWith(orgId + ","))
            .Select(a => a.FigureId).ToListAsync());
        Assert.Equal(new long?[] { inside, outside1, outside2 }.Order(), lines.Order());
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.Action == "delete" && a.EntityType == "Organization" && a.EntityId == orgId.ToString())));
    }

    private Task<int> Links(long orgId) => app.WithDb((db, _) => db.OrganizationMembers.CountAsync(m => m.OrganizationId == orgId));
}

public sealed class DeleteOrganizationTestsOnSqlite(SqliteApp app) : DeleteOrganizationTests(app), IClassFixture<SqliteApp>;
public sealed class DeleteOrganizationTestsOnPostgres(PostgresApp app) : DeleteOrganizationTests(app), IClassFixture<PostgresApp>;
