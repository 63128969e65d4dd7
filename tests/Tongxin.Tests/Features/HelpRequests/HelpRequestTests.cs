using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.OrgUnits;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.HelpRequests;

public abstract class HelpRequestTests(TestApp app)
{
    private static readonly string[] Actions = ["accept", "route", "reply", "return", "complete", "visit", "reopen"];

    /// <summary>The actions each state allows (reply and return: for a unit whose part is still open).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["submitted"] = ["accept"],
        ["accepted"] = ["route"],
        ["routed"] = ["route", "reply", "return"],
        ["inProgress"] = ["route", "reply", "return", "complete"],
        ["completed"] = ["visit", "reopen"],
        ["visited"] = ["reopen"],
    };

    private static string Future(int days = 7) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_request_goes_through_the_whole_workflow_with_a_timeline_row_and_an_audit_line_per_step()
    {
        var units = await Units();
        var staff = await app.As("staff_city");
        var id = await NewRequest(await Figure("510503"));
        var detail = await staff.GetJson($"/api/help-requests/{id}");
        Assert.Equal("submitted", detail["status"]!.GetValue<string>());
        Assert.Equal("办公场所", detail["categoryLabel"]!.GetValue<string>());
        Assert.Contains("accept", detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        detail = await Act(staff, id, "accept", new { });
        detail = await Act(staff, id, "route", new { parts = new[] { new { unitId = units.A, deadline = Future() }, new { unitId = units.B, deadline = Future(3) } } });
        Assert.Equal("routed", detail["status"]!.GetValue<string>());
        Assert.Equal(2, detail["parts"]!.AsArray().Count);
        Assert.Equal("测试网信办", detail["parts"]![0]!["unitName"]!.GetValue<string>());

        var unitA = await app.As("req_unit_a");
        var inbox = await unitA.GetJson("/api/help-requests?pageSize=100");
        Assert.Contains(inbox["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        var seen = await unitA.GetJson($"/api/help-requests/{id}");
        Assert.Equal(["reply", "return"], seen["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray());
        detail = await Act(unitA, id, "reply", new { text = "已协调办公场所两间" });
        Assert.Equal("inProgress", detail["status"]!.GetValue<string>());
        detail = await Act(await app.As("req_unit_b"), id, "return", new { reason = "不属于本单位职责" });
        Assert.Equal("inProgress", detail["status"]!.GetValue<string>());
        Assert.Equal("returned", detail["parts"]![1]!["status"]!.GetValue<string>());

        detail = await Act(staff, id, "complete", new { summary = "已解决" });
        Assert.Equal("completed", detail["status"]!.GetValue<string>());
        var bad = await staff.PostAsync($"/api/help-requests/{id}/visit", new { satisfaction = "dissatisfied", text = "", version = detail["version"]!.GetValue<int>() });
        Assert.NotNull((await ApiClient.ReadJson(bad, HttpStatusCode.BadRequest))["errors"]!["text"]);
        detail = await Act(staff, id, "visit", new { satisfaction = "satisfied", text = "很满意" });
        Assert.Equal("visited", detail["status"]!.GetValue<string>());
        detail = await Act(staff, id, "reopen", new { reason = "人士反映仍有问题" });
        Assert.Equal("accepted", detail["status"]!.GetValue<string>());

        var timeline = detail["timeline"]!.AsArray();
        Assert.Equal(["submit", "accept", "route", "reply", "return", "complete", "visit", "reopen"],
            timeline.Select(t => t!["action"]!.GetValue<string>()).ToArray());
        Assert.Equal("routed", timeline[3]!["fromStatus"]!.GetValue<string>());
        Assert.Equal("inProgress", timeline[3]!["toStatus"]!.GetValue<string>());
        Assert.Equal("已协调办公场所两间", timeline[3]!["text"]!.GetValue<string>());
        Assert.Equal("req_unit_a", timeline[3]!["userName"]!.GetValue<string>());
        var audited = await app.WithDb(async (db, _) => await db.AuditEntries
            .CountAsync(a => a.EntityType == nameof(HelpRequest) && a.EntityId == id.ToString()));
        Assert.Equal(8, audited); // the create line and one per transition
    }

    [Fact]
    public async Task Every_action_a_state_does_not_allow_answers_409_naming_the_state_and_changes_nothing()
    {
        var units = await Units();
        var figure = await Figure("510500");
        foreach (var state in Allowed.Keys)
        {
            foreach (var action in Actions.Where(a => !Allowed[state].Contains(a)))
            {
                var id = await RequestIn(state, figure, units);
                var before = await Snapshot(id);
                var unitAction = action is "reply" or "return";
                var client = await app.As(unitAction ? "req_unit_b" : "staff_city");
                var version = (await (await app.As("staff_city")).GetJson($"/api/help-requests/{id}"))["version"]!.GetValue<int>();
                var response = await client.PostAsync($"/api/help-requests/{id}/{action}", Body(action, units, version));
                // Before routing, the unit has no part: the request does not exist for it.
                var expected = unitAction && state is "submitted" or "accepted" ? HttpStatusCode.NotFound : HttpStatusCode.Conflict;
                var problem = await ApiClient.ReadJson(response, expected);
                if (expected == HttpStatusCode.Conflict)
                    Assert.Contains(HelpRequestNames.Status(HelpRequestParse.Status(state)!.Value), problem["title"]!.GetValue<string>());
                Assert.Equal(before, await Snapshot(id));
            }
        }
    }

    [Fact]
    public async Task A_unit_sees_and_answers_only_the_requests_routed_to_it()
    {
        var units = await Units();
        var id = await RequestIn("routed", await Figure("510500"), units, onlyA: true);
        var unitB = await app.As("req_unit_b");
        await unitB.GetJson($"/api/help-requests/{id}", HttpStatusCode.NotFound);
        var list = await unitB.GetJson("/api/help-requests?pageSize=100");
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        var version = (await (await app.As("staff_city")).GetJson($"/api/help-requests/{id}"))["version"]!.GetValue<int>();
        var before = await Snapshot(id);
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.PostAsync($"/api/help-requests/{id}/reply", new { text = "越权答复", version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.PostAsync($"/api/help-requests/{id}/return", new { reason = "越权退回", version })).StatusCode);
        Assert.Equal(before, await Snapshot(id));

        var unitA = await app.As("req_unit_a");
        Assert.Equal(HttpStatusCode.Forbidden, (await unitA.PostAsync($"/api/help-requests/{id}/complete", new { summary = "x", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unitA.PostAsync("/api/help-requests", new { figureId = 1, category = "office", title = "x", receivedVia = "self" })).StatusCode);
        var leader = await app.As("leader_city");
        await leader.GetJson($"/api/help-requests/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/help-requests/{id}/route", new { parts = Array.Empty<object>(), version })).StatusCode);
        // A user with the unit role but no unit sees nothing.
        await (await app.As("unit_city")).GetJson($"/api/help-requests/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_district_neither_sees_nor_acts_on_a_request_and_cannot_file_one_for_its_figure()
    {
        var figure = await Figure("510503");
        var id = await NewRequest(figure);
        var jy = await app.As("staff_jy");
        await jy.GetJson($"/api/help-requests/{id}", HttpStatusCode.NotFound);
        var list = await jy.GetJson("/api/help-requests?pageSize=100");
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await jy.PostAsync($"/api/help-requests/{id}/accept", new { version = 0 })).StatusCode);
        var create = await jy.PostAsync("/api/help-requests", new { figureId = figure, category = "office", title = "越区登记", urgency = "normal", receivedVia = "self" });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal("submitted", (await (await app.As("staff_nx")).GetJson($"/api/help-requests/{id}"))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await jy.GetAsync("/api/help-requests?regionCode=510503")).StatusCode);
    }

    [Fact]
    public async Task A_cadre_files_and_sees_requests_only_for_the_figures_assigned_to_them()
    {
        var assigned = await Figure("510503");
        var other = await Figure("510503");
        var cadreId = await app.WithDb(async (db, _) => await db.Users.Where(u => u.UserName == "cadre_city").Select(u => u.Id).FirstAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        await ApiClient.ReadJson(await (await app.As("staff_city")).PostAsync("/api/liaison/assignments",
            new { figureId = assigned, cadreUserId = cadreId, startOn = today }), HttpStatusCode.Created);

        var cadre = await app.As("cadre_city");
        var created = await cadre.PostAsync("/api/help-requests", new { figureId = assigned, category = "policy", title = "咨询扶持政策", urgency = "normal", receivedVia = "cadre" });
        var mine = (await ApiClient.ReadJson(created, HttpStatusCode.Created))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PostAsync("/api/help-requests",
            new { figureId = other, category = "policy", title = "越权登记", urgency = "normal", receivedVia = "cadre" })).StatusCode);
        var foreign = await NewRequest(other);

        var detail = await cadre.GetJson($"/api/help-requests/{mine}");
        Assert.Empty(detail["allowedActions"]!.AsArray());
        await cadre.GetJson($"/api/help-requests/{foreign}", HttpStatusCode.NotFound);
        var ids = (await cadre.GetJson("/api/help-requests?pageSize=100"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        Assert.Equal([mine], ids);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.PostAsync($"/api/help-requests/{mine}/accept", new { version = detail["version"]!.GetValue<int>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/help-requests/stats")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_answers_400_with_field_errors_and_a_stale_version_409()
    {
        var units = await Units();
        var staff = await app.As("staff_city");
        var figure = await Figure("510500");
        var bad = await ApiClient.ReadJson(await staff.PostAsync("/api/help-requests",
            new { figureId = figure, organizationId = 1, category = "castle", title = "", urgency = "soon", receivedVia = "pigeon" }), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "figureId", "category", "title", "urgency", "receivedVia" }) Assert.NotNull(bad["errors"]![field]);

        var id = await RequestIn("accepted", figure, units);
        var version = (await staff.GetJson($"/api/help-requests/{id}"))["version"]!.GetValue<int>();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd");
        var past = await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{id}/route",
            new { parts = new[] { new { unitId = units.A, deadline = yesterday } }, version }), HttpStatusCode.BadRequest);
        Assert.NotNull(past["errors"]!["parts[0].deadline"]);
        var notMember = await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{id}/route",
            new { parts = new[] { new { unitId = units.Department, deadline = Future() } }, version }), HttpStatusCode.BadRequest);
        Assert.NotNull(notMember["errors"]!["parts[0].unitId"]);
        var none = await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{id}/route", new { parts = Array.Empty<object>(), version }), HttpStatusCode.BadRequest);
        Assert.NotNull(none["errors"]!["parts"]);
        var noVersion = await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{id}/route",
            new { parts = new[] { new { unitId = units.A, deadline = Future() } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(noVersion["errors"]!["version"]);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/help-requests/{id}/route",
            new { parts = new[] { new { unitId = units.A, deadline = Future() } }, version = version - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/help-requests?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/help-requests?sort=colour")).StatusCode);
        Assert.Equal("accepted", (await staff.GetJson($"/api/help-requests/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_part_past_its_deadline_without_an_answer_is_flagged_and_filtered_as_overdue()
    {
        var units = await Units();
        var id = await RequestIn("routed", await Figure("510500"), units, onlyA: true);
        var staff = await app.As("staff_city");
        Assert.DoesNotContain((await staff.GetJson("/api/help-requests?overdue=true&pageSize=100"))["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        await app.WithDb(async (db, _) => await db.HelpRequestParts.Where(p => p.HelpRequestId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-2))));
        var overdue = await staff.GetJson($"/api/help-requests?overdue=true&unitId={units.A}&pageSize=100");
        var item = overdue["items"]!.AsArray().Single(i => i!["id"]!.GetValue<long>() == id)!;
        Assert.True(item["overdue"]!.GetValue<bool>());
        Assert.True((await staff.GetJson($"/api/help-requests/{id}"))["parts"]![0]!["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Statistics_count_solved_requests_days_and_satisfaction_and_the_board_exports()
    {
        var units = await Units();
        var figure = await Figure("510502001");
        await RequestIn("visited", figure, units);
        await RequestIn("completed", figure, units);
        await NewRequest(figure);
        var stats = await (await app.As("staff_city")).GetJson("/api/help-requests/stats?regionCode=510502001");
        Assert.Equal(3, stats["total"]!.GetValue<int>());
        Assert.Equal(2, stats["solved"]!.GetValue<int>());
        Assert.NotNull(stats["averageDaysToSolve"]);
        var satisfied = stats["satisfaction"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "satisfied")!;
        Assert.Equal(1.0, satisfied["share"]!.GetValue<double>());
        Assert.Equal(3, stats["byCategory"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == "office")!["count"]!.GetValue<int>());
        Assert.Contains(stats["byUnit"]!.AsArray(), u => u!["unitId"]!.GetValue<long>() == units.A);
        Assert.Equal(12, stats["trend"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("req_unit_a")).GetAsync("/api/help-requests/stats")).StatusCode);

        var file = await (await app.As("staff_city")).GetAsync("/api/help-requests/file?regionCode=510502001");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip: .xlsx
    }

    // ---- arrangement ----

    private sealed record TestUnits(long A, long B, long C, long Department);

    private async Task<TestUnits> Units() => await app.WithDb(async (db, sp) =>
    {
        async Task<long> Unit(string name, string kind)
        {
            var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Name == name);
            if (unit is null)
            {
                unit = new OrgUnit { Name = name, Kind = kind, RegionCode = "510500" };
                db.OrgUnits.Add(unit);
                await db.SaveChangesAsync();
            }
            return unit.Id;
        }
        var units = new TestUnits(await Unit("测试网信办", "memberUnit"), await Unit("测试商务局", "memberUnit"),
            await Unit("测试司法局", "memberUnit"), await Unit("测试统战部", "department"));
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, unit) in new[] { ("req_unit_a", units.A), ("req_unit_b", units.B) })
        {
            if (await users.FindByNameAsync(name) is not null) continue;
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = "510500", OrgUnitId = unit, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Unit);
        }
        return units;
    });

    private async Task<long> Figure(string region) => await app.CreateFigure("staff_city", new { name = "诉求人" + region[^3..], regionCode = region });

    private async Task<long> NewRequest(long figureId)
    {
        var response = await (await app.As("staff_city")).PostAsync("/api/help-requests",
            new { figureId, category = "办公场所", title = "需要直播场地", description = "希望协调一处直播办公场所", urgency = "urgent", receivedVia = "cadre" });
        return (await ApiClient.ReadJson(response, HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    /// <summary>A new request brought into a state through the API (routed to units A and B, or A only).</summary>
    private async Task<long> RequestIn(string state, long figure, TestUnits units, bool onlyA = false)
    {
        var id = await NewRequest(figure);
        var staff = await app.As("staff_city");
        var steps = new List<(ApiClient, string, object)>();
        if (state == "submitted") return id;
        await Act(staff, id, "accept", new { });
        if (state == "accepted") return id;
        var parts = onlyA ? new[] { new { unitId = units.A, deadline = Future() } }
            : new[] { new { unitId = units.A, deadline = Future() }, new { unitId = units.B, deadline = Future() } };
        await Act(staff, id, "route", new { parts });
        if (state == "routed") return id;
        await Act(await app.As("req_unit_a"), id, "reply", new { text = "已办理" });
        if (state == "inProgress") return id;
        await Act(staff, id, "complete", new { summary = "已办结" });
        if (state == "completed") return id;
        await Act(staff, id, "visit", new { satisfaction = "satisfied", text = "" });
        return id;
    }

    private static object Body(string action, TestUnits units, int version) => action switch
    {
        "route" => new { parts = new[] { new { unitId = units.C, deadline = Future() } }, version },
        "reply" => new { text = "答复", version },
        "return" => new { reason = "退回", version },
        "complete" => new { summary = "办结", version },
        "visit" => new { satisfaction = "basicallySatisfied", text = "还行", version },
        "reopen" => new { reason = "重新办理", version },
        _ => (object)new { version },
    };

    /// <summary>Posts an action with the request's current version and returns the new detail.</summary>
    private async Task<JsonNode> Act(ApiClient client, long id, string action, object body)
    {
        var version = (await (await app.As("staff_city")).GetJson($"/api/help-requests/{id}"))["version"]!.GetValue<int>();
        var json = JsonSerializerRoundTrip(body);
        json["version"] = version;
        return await ApiClient.ReadJson(await client.PostAsync($"/api/help-requests/{id}/{action}", json));
    }

    private static JsonObject JsonSerializerRoundTrip(object body) =>
        System.Text.Json.JsonSerializer.SerializeToNode(body, ApiClient.Json)!.AsObject();

    private async Task<(string Status, int Version, int Timeline, int Parts)> Snapshot(long id) => await app.WithDb(async (db, _) =>
    {
        var r = await db.HelpRequests.AsNoTracking().Include(x => x.Parts).FirstAsync(x => x.Id == id);
        return (r.Status.ToString(), r.Version, await db.HelpRequestEvents.CountAsync(e => e.HelpRequestId == id),
            r.Parts.Count(p => p.Status == PartStatus.Pending));
    });
}

public sealed class HelpRequestTestsOnSqlite(SqliteApp app) : HelpRequestTests(app), IClassFixture<SqliteApp>;
public sealed class HelpRequestTestsOnPostgres(PostgresApp app) : HelpRequestTests(app), IClassFixture<PostgresApp>;
