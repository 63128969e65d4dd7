using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.TaskPlans;

/// <summary>Writes that meet a unique index: a second plan for a year and region, and racing first reports of a quarter.</summary>
public abstract class TaskPlanConflictTests(TestApp app)
{
    private readonly TaskPlanKit _kit = new(app);

    [Fact]
    public async Task A_second_plan_for_the_same_year_and_region_answers_409_naming_the_first_and_writes_nothing()
    {
        var staff = await app.As("staff_city");
        var first = await _kit.Plan(year: 2012, title: "第一份方案");
        var second = await ApiClient.ReadJson(await staff.PostAsync("/api/task-plans", new { year = 2012, title = "第二份方案", regionCode = "510500" }),
            HttpStatusCode.Conflict);
        Assert.Contains("2012年度已有任务分工方案“第一份方案”", second["title"]!.GetValue<string>());
        Assert.Equal(1, await app.WithDb((db, _) => db.TaskPlans.CountAsync(p => p.Year == 2012 && p.RegionCode == "510500")));
        // Another year, or a district of the same city, may have its own plan.
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/task-plans", new { year = 2011, title = "另一年", regionCode = "510500" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync("/api/task-plans", new { year = 2012, title = "江阳区方案", regionCode = "510502" })).StatusCode);
        Assert.NotEqual(0, first);
    }

    [Fact]
    public async Task Simultaneous_first_reports_of_a_quarter_leave_one_report_and_no_server_error()
    {
        var tag = TaskPlanKit.Tag();
        var unitId = await _kit.Unit("并发报送单位" + tag);
        var planId = await _kit.Plan();
        for (var round = 0; round < 3; round++)
        {
            var taskId = await _kit.Task(planId, unitId);
            var clients = new List<ApiClient>();
            for (var i = 0; i < 4; i++) clients.Add(await _kit.UnitUser(unitId));
            var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync($"/api/tasks/{taskId}/reports",
                new { quarter = "2026Q2", percent = 10 * (i + 1), text = "并发" + i })));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK, $"answered {s}"));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(1, await _kit.ReportCount(taskId));
        }
    }
}

public sealed class TaskPlanConflictTestsOnSqlite(SqliteApp app) : TaskPlanConflictTests(app), IClassFixture<SqliteApp>;
public sealed class TaskPlanConflictTestsOnPostgres(PostgresApp app) : TaskPlanConflictTests(app), IClassFixture<PostgresApp>;
