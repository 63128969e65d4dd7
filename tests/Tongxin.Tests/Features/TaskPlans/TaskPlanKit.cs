using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Features.OrgUnits;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.TaskPlans;

/// <summary>Member units, unit users and plans for the task-plan tests; every name is unique so tests never collide.</summary>
public sealed class TaskPlanKit(TestApp app)
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    public async Task<long> Unit(string name, string region = "510500", string kind = "memberUnit") =>
        await app.WithDb(async (db, _) =>
        {
            var unit = new OrgUnit { Name = name, Kind = kind, RegionCode = region };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    /// <summary>A signed-in user of the <c>unit</c> role working for the given unit.</summary>
    public async Task<ApiClient> UnitUser(long unitId, string region = "510500")
    {
        var name = "unit_" + Tag();
        await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, OrgUnitId = unitId, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Unit);
            return 0;
        });
        return await app.SignInFresh(name, TestApp.Password);
    }

    // Past years no test names (they use 2011, 2012 and 2023 on), handed out in turn per test database: a report's
    // quarter must not come before its plan's year, and plans are unique per year and region.
    private static readonly int[] FreeYears = [.. Enumerable.Range(2013, 10).Reverse(), .. Enumerable.Range(2000, 11).Reverse()];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, StrongBox> Handed = new();

    private sealed class StrongBox { public int Count = -1; }

    /// <summary>A plan; without a year, one no other plan of the test run has (plans are unique per year and region).</summary>
    public async Task<long> Plan(string asUser = "staff_city", string region = "510500", int? year = null, string? title = null)
    {
        year ??= FreeYears[Interlocked.Increment(ref Handed.GetOrCreateValue(app).Count) % FreeYears.Length];
        var client = await app.As(asUser);
        var json = await ApiClient.ReadJson(await client.PostAsync("/api/task-plans", new { year, title = title ?? "工作要点" + Tag(), regionCode = region }), HttpStatusCode.Created);
        return json["id"]!.GetValue<long>();
    }

    public async Task<long> Task(long planId, long lead, long[]? co = null, string? deadline = null, string asUser = "staff_city", string? title = null)
    {
        var client = await app.As(asUser);
        var json = await ApiClient.ReadJson(await client.PostAsync($"/api/task-plans/{planId}/tasks",
            new { title = title ?? "任务" + Tag(), leadUnitId = lead, coUnitIds = co ?? [], deadline, target = "完成率100%" }), HttpStatusCode.Created);
        return json["id"]!.GetValue<long>();
    }

    public static async Task<HttpResponseMessage> Upload(ApiClient client, long planId, byte[] file, string mode)
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", "分工方案.xlsx");
        return await client.Send(HttpMethod.Post, $"/api/task-plans/{planId}/import?mode={mode}", null, content);
    }

    public async Task<int> TaskCount(long planId) =>
        await app.WithDb((db, _) => System.Threading.Tasks.Task.FromResult(db.PlanTasks.Count(t => t.PlanId == planId)));

    public async Task<int> ReportCount(long taskId) =>
        await app.WithDb((db, _) => System.Threading.Tasks.Task.FromResult(db.TaskReports.Count(r => r.TaskId == taskId)));

    public static List<long> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
}
