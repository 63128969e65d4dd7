using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Features.TaskPlans;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.OrgUnits;

/// <summary>A member unit that help requests or joint-meeting tasks refer to is not deleted: 409 saying what refers to it.</summary>
public abstract class ReferencedUnitTests(TestApp app)
{
    private readonly TaskPlanKit _kit = new(app);

    [Fact]
    public async Task Deleting_a_unit_with_tasks_or_routed_requests_answers_409_naming_them_and_deletes_nothing()
    {
        var tag = TaskPlanKit.Tag();
        var lead = await _kit.Unit("牵头局" + tag);
        var co = await _kit.Unit("配合局" + tag);
        var routed = await _kit.Unit("承办局" + tag);
        var unused = await _kit.Unit("空闲局" + tag);
        var planId = await _kit.Plan();
        await _kit.Task(planId, lead, [co]);

        var staff = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "单位引用人" + tag[..2], regionCode = "510502" });
        var request = (await ApiClient.ReadJson(await staff.PostAsync("/api/help-requests",
            new { figureId = figure, category = "办公场所", title = "需要场地", description = "协调场地", urgency = "normal", receivedVia = "cadre" }),
            HttpStatusCode.Created))["id"]!.GetValue<long>();
        var version = (await staff.GetJson($"/api/help-requests/{request}"))["version"]!.GetValue<int>();
        await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{request}/accept", new { version }));
        version = (await staff.GetJson($"/api/help-requests/{request}"))["version"]!.GetValue<int>();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(10).ToString("yyyy-MM-dd");
        await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{request}/route", new { parts = new[] { new { unitId = routed, deadline } }, version }));

        var admin = await app.As("admin");
        foreach (var (unit, words) in new[] { (lead, "联席会议任务（牵头单位）"), (co, "联席会议任务（配合单位）"), (routed, "1条诉求转办记录") })
        {
            var refused = await ApiClient.ReadJson(await admin.DeleteAsync($"/api/org-units/{unit}"), HttpStatusCode.Conflict);
            Assert.Contains(words, refused["title"]!.GetValue<string>());
            Assert.Contains("不能删除", refused["title"]!.GetValue<string>());
        }
        var ids = new[] { lead, co, routed };
        Assert.Equal(3, await app.WithDb((db, _) => db.OrgUnits.CountAsync(u => ids.Contains(u.Id))));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/org-units/{unused}")).StatusCode);
    }
}

public sealed class ReferencedUnitTestsOnSqlite(SqliteApp app) : ReferencedUnitTests(app), IClassFixture<SqliteApp>;
public sealed class ReferencedUnitTestsOnPostgres(PostgresApp app) : ReferencedUnitTests(app), IClassFixture<PostgresApp>;
