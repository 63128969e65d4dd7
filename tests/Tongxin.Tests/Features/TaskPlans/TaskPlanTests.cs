using System.Net;
using MiniExcelLibs;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.TaskPlans;

public abstract class TaskPlanTests(TestApp app)
{
    private readonly TaskPlanKit _kit = new(app);

    [Fact]
    public async Task Staff_create_a_plan_add_tasks_and_read_it_back_while_other_districts_see_nothing()
    {
        var tag = TaskPlanKit.Tag();
        var lead = await _kit.Unit("网信办" + tag);
        var co = await _kit.Unit("宣传部" + tag);
        var planId = await _kit.Plan(year: 2031, title: "联席会议要点" + tag);
        var taskId = await _kit.Task(planId, lead, [co], "2031-06-30", title: "建立联系名册" + tag);

        var staff = await app.As("staff_city");
        var detail = await staff.GetJson($"/api/task-plans/{planId}");
        Assert.Equal("联席会议要点" + tag, detail["title"]!.GetValue<string>());
        Assert.Equal(2031, detail["year"]!.GetValue<int>());
        Assert.Equal(["2031Q1", "2031Q2", "2031Q3", "2031Q4"], detail["quarters"]!.AsArray().Select(q => q!.GetValue<string>()));
        var task = detail["tasks"]![0]!;
        Assert.Equal(taskId, task["id"]!.GetValue<long>());
        Assert.Equal(1, task["seq"]!.GetValue<int>());
        Assert.Equal("网信办" + tag, task["leadUnit"]!["name"]!.GetValue<string>());
        Assert.Equal("宣传部" + tag, task["coUnits"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("2031-06-30", task["deadline"]!.GetValue<string>());

        Assert.Contains(planId, TaskPlanKit.Ids(await staff.GetJson("/api/task-plans?year=2031&regionCode=510500")));
        Assert.DoesNotContain(planId, TaskPlanKit.Ids(await staff.GetJson("/api/task-plans?year=2030")));
        Assert.DoesNotContain(planId, TaskPlanKit.Ids(await staff.GetJson("/api/task-plans?regionCode=510502")));
        Assert.Contains(planId, TaskPlanKit.Ids(await (await app.As("leader_city")).GetJson("/api/task-plans")));

        var nx = await app.As("staff_nx");
        Assert.DoesNotContain(planId, TaskPlanKit.Ids(await nx.GetJson("/api/task-plans")));
        Assert.Equal(HttpStatusCode.NotFound, (await nx.GetAsync($"/api/task-plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.GetAsync($"/api/task-plans/{planId}/dispatch?quarter=2031Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.PostAsync($"/api/task-plans/{planId}/tasks", new { title = "x", leadUnitId = lead })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.PostAsync($"/api/tasks/{taskId}/reports", new { quarter = "2031Q1", percent = 10, text = "x", unitId = lead })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.DeleteAsync($"/api/task-plans/{planId}")).StatusCode);
        Assert.Equal(1, await _kit.TaskCount(planId));
        Assert.Equal(0, await _kit.ReportCount(taskId));
    }

    [Fact]
    public async Task Leaders_read_but_do_not_write_and_other_roles_are_refused()
    {
        var planId = await _kit.Plan();
        var leader = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/task-plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/task-plans/{planId}/dispatch")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/task-plans", new { year = 2026, title = "x", regionCode = "510500" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/task-plans/{planId}/tasks", new { title = "x" })).StatusCode);
        var cadre = await app.As("cadre_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/task-plans")).StatusCode);
        var unit = await app.As("unit_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync("/api/task-plans", new { year = 2026, title = "x", regionCode = "510500" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/task-plans/{planId}/dispatch")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/task-plans")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_answers_400_with_Chinese_field_errors_and_writes_nothing()
    {
        var staff = await app.As("staff_city");
        var bad = await ApiClient.ReadJson(await staff.PostAsync("/api/task-plans", new { year = 1800, title = " ", regionCode = "510104" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写方案名称", bad["errors"]!["title"]![0]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["year"]);
        Assert.NotNull(bad["errors"]!["regionCode"]);

        var tag = TaskPlanKit.Tag();
        var lead = await _kit.Unit("发改委" + tag);
        var department = await _kit.Unit("统战部" + tag, kind: "department");
        var planId = await _kit.Plan(year: 2026);
        var badTask = await ApiClient.ReadJson(await staff.PostAsync($"/api/task-plans/{planId}/tasks",
            new { title = "", leadUnitId = 999999, coUnitIds = new[] { department }, deadline = "2025-12-31" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写工作任务", badTask["errors"]!["title"]![0]!.GetValue<string>());
        Assert.Contains("成员单位", badTask["errors"]!["leadUnitId"]![0]!.GetValue<string>());
        Assert.NotNull(badTask["errors"]!["coUnitIds"]);
        Assert.Contains("不能早于2026年", badTask["errors"]!["deadline"]![0]!.GetValue<string>());
        Assert.Equal(0, await _kit.TaskCount(planId));

        var taskId = await _kit.Task(planId, lead);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { quarter = "2026Q4", percent = 101, text = "x", unitId = lead }, "percent"),
            (new { quarter = "2026Q4", percent = -1, text = "x", unitId = lead }, "percent"),
            (new { quarter = "2026-Q4", percent = 50, text = "x", unitId = lead }, "quarter"),
            (new { quarter = "2026Q5", percent = 50, text = "x", unitId = lead }, "quarter"),
            (new { quarter = "2025Q4", percent = 50, text = "x", unitId = lead }, "quarter"),
        })
        {
            var problem = await ApiClient.ReadJson(await staff.PostAsync($"/api/tasks/{taskId}/reports", body), HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
        }
        Assert.Equal(0, await _kit.ReportCount(taskId));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/task-plans/{planId}/dispatch?quarter=2026-4")).StatusCode);
    }

    [Fact]
    public async Task A_unit_sees_and_reports_only_its_own_tasks()
    {
        var tag = TaskPlanKit.Tag();
        var mine = await _kit.Unit("网信办" + tag);
        var other = await _kit.Unit("教育局" + tag);
        var planId = await _kit.Plan(year: 2024);
        var leadTask = await _kit.Task(planId, mine, title: "牵头任务" + tag);
        var coTask = await _kit.Task(planId, other, [mine], title: "配合任务" + tag);
        var notMine = await _kit.Task(planId, other, title: "他人任务" + tag);
        var otherPlan = await _kit.Plan();
        await _kit.Task(otherPlan, other);
        var unit = await _kit.UnitUser(mine);

        var plans = TaskPlanKit.Ids(await unit.GetJson("/api/task-plans"));
        Assert.Contains(planId, plans);
        Assert.DoesNotContain(otherPlan, plans);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/task-plans/{otherPlan}")).StatusCode);
        var detail = await unit.GetJson($"/api/task-plans/{planId}");
        Assert.Equal([leadTask, coTask], detail["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));

        var created = await unit.PostAsync($"/api/tasks/{leadTask}/reports", new { quarter = "2026Q4", percent = 60, text = "已建立名册" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await ApiClient.ReadJson(await unit.PostAsync($"/api/tasks/{leadTask}/reports", new { quarter = "2026Q4", percent = 80, text = "已更新名册" }));
        Assert.Equal(1, again["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, (await unit.PostAsync($"/api/tasks/{coTask}/reports", new { quarter = "2026Q4", percent = 30, text = "配合" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await unit.PostAsync($"/api/tasks/{notMine}/reports", new { quarter = "2026Q4", percent = 10, text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.PostAsync($"/api/tasks/{coTask}/reports", new { quarter = "2026Q4", percent = 10, text = "x", unitId = other })).StatusCode);
        Assert.Equal(0, await _kit.ReportCount(notMine));
        Assert.Equal(1, await _kit.ReportCount(coTask));

        var my = await unit.GetJson("/api/tasks/mine?quarter=2026Q4");
        Assert.Equal("网信办" + tag, my["unitName"]!.GetValue<string>());
        var items = my["items"]!.AsArray();
        Assert.Equal([leadTask, coTask], items.Select(i => i!["taskId"]!.GetValue<long>()));
        Assert.Equal("lead", items[0]!["role"]!.GetValue<string>());
        Assert.Equal(80, items[0]!["report"]!["percent"]!.GetValue<int>());
        Assert.Equal("co", items[1]!["role"]!.GetValue<string>());

        // Staff see the unit's report in the plan table.
        var staffView = await (await app.As("staff_city")).GetJson($"/api/task-plans/{planId}");
        var row = staffView["tasks"]!.AsArray().First(t => t!["id"]!.GetValue<long>() == leadTask)!;
        Assert.Equal("已更新名册", row["reports"]![0]!["text"]!.GetValue<string>());

        // A unit user without a unit sees no plans and reports nothing.
        var loose = await app.As("unit_city");
        Assert.Empty(TaskPlanKit.Ids(await loose.GetJson("/api/task-plans")));
        Assert.Equal(HttpStatusCode.NotFound, (await loose.PostAsync($"/api/tasks/{leadTask}/reports", new { quarter = "2026Q4", percent = 10 })).StatusCode);
    }

    [Fact]
    public async Task Staff_report_for_a_unit_of_the_task_only()
    {
        var tag = TaskPlanKit.Tag();
        var lead = await _kit.Unit("住建局" + tag);
        var stranger = await _kit.Unit("交通局" + tag);
        var planId = await _kit.Plan();
        var taskId = await _kit.Task(planId, lead);
        var staff = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/tasks/{taskId}/reports", new { quarter = "2026Q3", percent = 50, text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/tasks/{taskId}/reports", new { quarter = "2026Q3", percent = 50, text = "x", unitId = stranger })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync($"/api/tasks/{taskId}/reports", new { quarter = "2026Q3", percent = 50, text = "代报", unitId = lead })).StatusCode);
        Assert.Equal(1, await _kit.ReportCount(taskId));
    }

    [Fact]
    public async Task Tasks_are_updated_with_their_version_and_deleted()
    {
        var tag = TaskPlanKit.Tag();
        var a = await _kit.Unit("民政局" + tag);
        var b = await _kit.Unit("商务局" + tag);
        var planId = await _kit.Plan();
        var taskId = await _kit.Task(planId, a);
        var staff = await app.As("staff_city");
        var update = new { seq = 5, title = "改后任务" + tag, leadUnitId = b, coUnitIds = new[] { a }, deadline = "2026-09-30", target = "覆盖90%", version = 0 };
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsync($"/api/task-plans/{planId}/tasks/{taskId}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutAsync($"/api/task-plans/{planId}/tasks/{taskId}", update)).StatusCode);
        var task = (await staff.GetJson($"/api/task-plans/{planId}"))["tasks"]![0]!;
        Assert.Equal(5, task["seq"]!.GetValue<int>());
        Assert.Equal(b, task["leadUnit"]!["id"]!.GetValue<long>());
        Assert.Equal(a, task["coUnits"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/task-plans/{planId}/tasks/{taskId}")).StatusCode);
        Assert.Equal(0, await _kit.TaskCount(planId));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"/api/task-plans/{planId}/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task Import_dry_run_names_unknown_units_by_row_and_commit_is_all_or_nothing()
    {
        var tag = TaskPlanKit.Tag();
        await _kit.Unit("泸州市委网信办" + tag);
        await _kit.Unit("市教育局" + tag);
        await _kit.Unit("市财政局" + tag);
        var planId = await _kit.Plan(year: 2023);
        var staff = await app.As("staff_city");
        var file = new WorkbookBuilder()
            .Row("2026年网络人士统战工作重点任务分工方案")
            .Row("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
            .Row("一、加强联系服务")
            .Row(1, "建立网络人士联系名册" + tag, "泸州市委网信办" + tag, $"市教育局{tag}、市财政局{tag}", new DateTime(2026, 6, 30))
            .Row(2, "开展季度座谈" + tag, "市教育局" + tag, $"市不存在局{tag}；市财政局{tag}", "2026年12月底")
            .Row(3, "建立培训机制" + tag, "市公安局" + tag, "", "长期坚持")
            .Build();

        var dry = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, file, "dryRun"));
        Assert.False(dry["committed"]!.GetValue<bool>());
        Assert.Equal(3, dry["totalRows"]!.GetValue<int>());
        var errors = ImportKit.Errors(dry);
        Assert.Equal(2, errors.Count);
        Assert.Contains((5, "配合单位", $"未找到成员单位“市不存在局{tag}”"), errors);
        Assert.Contains((6, "牵头单位", $"未找到成员单位“市公安局{tag}”"), errors);
        Assert.Equal(0, await _kit.TaskCount(planId));

        var failed = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, file, "commit"));
        Assert.False(failed["committed"]!.GetValue<bool>());
        Assert.Equal(0, await _kit.TaskCount(planId));

        var good = new WorkbookBuilder()
            .Row("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
            .Row(1, "建立网络人士联系名册" + tag, "市委网信办" + tag, $"市教育局{tag}，市财政局{tag}", new DateTime(2026, 6, 30))
            .Row(2, "开展季度座谈" + tag, "市教育局" + tag, $"市财政局{tag}", "2026年12月底")
            .Row(3, "建立培训机制" + tag, "市财政局" + tag, "", "长期坚持")
            .Build();
        var preview = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, good, "dryRun"));
        Assert.Equal(0, preview["errorCount"]!.GetValue<int>());
        Assert.Equal(3, preview["tasks"]!.AsArray().Count);
        Assert.Equal(0, await _kit.TaskCount(planId));
        var done = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, good, "commit"));
        Assert.True(done["committed"]!.GetValue<bool>());
        Assert.Equal(3, done["created"]!.GetValue<int>());

        var tasks = (await staff.GetJson($"/api/task-plans/{planId}"))["tasks"]!.AsArray();
        Assert.Equal(3, tasks.Count);
        Assert.Equal("泸州市委网信办" + tag, tasks[0]!["leadUnit"]!["name"]!.GetValue<string>());
        Assert.Equal(2, tasks[0]!["coUnits"]!.AsArray().Count);
        Assert.Equal("2026-06-30", tasks[0]!["deadline"]!.GetValue<string>());
        Assert.Equal("2026-12-31", tasks[1]!["deadline"]!.GetValue<string>());
        Assert.Equal("2026年12月底", tasks[1]!["deadlineText"]!.GetValue<string>());
        Assert.Null(tasks[2]!["deadline"]);
        Assert.Equal("长期坚持", tasks[2]!["deadlineText"]!.GetValue<string>());

        // The same table again: every task is already in the plan, so nothing is written.
        var twice = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, good, "commit"));
        Assert.False(twice["committed"]!.GetValue<bool>());
        Assert.Equal(3, twice["errorCount"]!.GetValue<int>());
        Assert.Equal(3, await _kit.TaskCount(planId));
    }

    [Fact]
    public async Task Import_refuses_bad_files_and_deadlines_before_the_plan_year()
    {
        var tag = TaskPlanKit.Tag();
        await _kit.Unit("市文旅局" + tag);
        var planId = await _kit.Plan(year: 2027);
        var staff = await app.As("staff_city");
        var noHeader = new WorkbookBuilder().Row("随便", "什么").Row("a", "b").Build();
        Assert.Equal(HttpStatusCode.BadRequest, (await TaskPlanKit.Upload(staff, planId, noHeader, "dryRun")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await TaskPlanKit.Upload(staff, planId, [1, 2, 3, 4], "dryRun")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await TaskPlanKit.Upload(staff, planId, noHeader, "later")).StatusCode);

        var file = new WorkbookBuilder()
            .Row("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
            .Row(1, "", "市文旅局" + tag, "", "2026-03-31")
            .Row(2, "宣传推介" + tag, "市文旅局" + tag, "", "2025年底")
            .Row(3, "宣传推介二" + tag, "市文旅局" + tag, "", "尽快")
            .Build();
        var report = await ApiClient.ReadJson(await TaskPlanKit.Upload(staff, planId, file, "commit"));
        var errors = ImportKit.Errors(report);
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "工作任务");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "完成时限" && e.Message.Contains("不能早于2027年"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "完成时限");
        Assert.Equal(0, await _kit.TaskCount(planId));
        Assert.Equal(HttpStatusCode.NotFound, (await TaskPlanKit.Upload(await app.As("staff_nx"), planId, file, "dryRun")).StatusCode);
    }

    [Fact]
    public async Task Dispatch_lists_each_units_report_the_units_that_have_not_reported_and_overdue_tasks()
    {
        var tag = TaskPlanKit.Tag();
        var lead = await _kit.Unit("组织部" + tag);
        var co = await _kit.Unit("人社局" + tag);
        var planId = await _kit.Plan(year: 2025);
        var late = await _kit.Task(planId, lead, [co], "2025-06-30", title: "逾期任务" + tag);
        var open = await _kit.Task(planId, co, [], null, title: "长期任务" + tag);
        var unit = await _kit.UnitUser(lead);
        Assert.Equal(HttpStatusCode.Created, (await unit.PostAsync($"/api/tasks/{late}/reports", new { quarter = "2025Q2", percent = 70, text = "推进中" })).StatusCode);

        var staff = await app.As("staff_city");
        var view = await staff.GetJson($"/api/task-plans/{planId}/dispatch?quarter=2025Q2");
        Assert.Equal("2025Q2", view["quarter"]!.GetValue<string>());
        Assert.Equal(3, view["expectedReports"]!.GetValue<int>());
        Assert.Equal(1, view["reported"]!.GetValue<int>());
        var rows = view["rows"]!.AsArray();
        var lateRow = rows.First(r => r!["taskId"]!.GetValue<long>() == late)!;
        Assert.True(lateRow["overdue"]!.GetValue<bool>());
        Assert.Equal(70, lateRow["units"]![0]!["percent"]!.GetValue<int>());
        Assert.Equal(["人社局" + tag], lateRow["missingUnits"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()));
        Assert.False(rows.First(r => r!["taskId"]!.GetValue<long>() == open)!["overdue"]!.GetValue<bool>());
        var missing = view["missing"]!.AsArray();
        Assert.Equal("人社局" + tag, missing[0]!["unitName"]!.GetValue<string>());
        Assert.Equal(2, missing[0]!["taskCount"]!.GetValue<int>());

        // Complete by the lead unit: no longer overdue.
        await unit.PostAsync($"/api/tasks/{late}/reports", new { quarter = "2025Q3", percent = 100, text = "已完成" });
        var q3 = await staff.GetJson($"/api/task-plans/{planId}/dispatch?quarter=2025Q3");
        Assert.False(q3["rows"]!.AsArray().First(r => r!["taskId"]!.GetValue<long>() == late)!["overdue"]!.GetValue<bool>());

        var file = await staff.GetAsync($"/api/task-plans/{planId}/dispatch/file?quarter=2025Q2");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        using var ms = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(ms, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, sheet.Count);
        var first = sheet.First(r => (string?)r["工作任务"] == "逾期任务" + tag);
        Assert.Equal("70%：推进中", first["组织部" + tag]);
        Assert.Equal("未报送", first["人社局" + tag]);
        Assert.Equal("逾期", first["是否逾期"]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_nx")).GetAsync($"/api/task-plans/{planId}/dispatch/file")).StatusCode);
    }
}

public sealed class TaskPlanTestsOnSqlite(SqliteApp app) : TaskPlanTests(app), IClassFixture<SqliteApp>;
public sealed class TaskPlanTestsOnPostgres(PostgresApp app) : TaskPlanTests(app), IClassFixture<PostgresApp>;
