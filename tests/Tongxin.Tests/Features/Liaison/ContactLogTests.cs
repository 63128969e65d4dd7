using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

public abstract class ContactLogTests(TestApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static DateOnly Today => LiaisonFixtures.Today;

    private static object Log(long figureId, DateOnly date, string way = "visit", string summary = "走访了解近况") =>
        new { figureId, date = Day(date), way, participants = "张部长、李科长", summary, followUp = "下月回访" };

    [Fact]
    public async Task A_cadre_logs_a_contact_for_an_assigned_figure_and_its_state_turns_ok()
    {
        var cadreId = await app.User("cadre_log", Roles.Cadre, "510500");
        var overdue = await app.CreateFigure("staff_city", new { name = "超期人士", regionCode = "510502", keyLevel = "city" });
        var soon = await app.CreateFigure("staff_city", new { name = "将到期人士", regionCode = "510503", keyLevel = "district" });
        var fine = await app.CreateFigure("staff_city", new { name = "正常人士", regionCode = "510503", keyLevel = "city" });
        await app.Assign(overdue, cadreId, Today.AddDays(-100));
        await app.Assign(soon, cadreId, Today.AddDays(-170));
        await app.Assign(fine, cadreId, Today.AddDays(-10));
        var cadre = await app.As("cadre_log");

        var mine = (await cadre.GetJson("/api/liaison/my-figures")).AsArray();
        Assert.Equal(new[] { "超期人士", "将到期人士", "正常人士" }, mine.Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(new[] { "overdue", "dueSoon", "ok" }, mine.Select(m => m!["state"]!.GetValue<string>()));
        Assert.Equal(Day(Today.AddDays(-10)), mine[0]!["nextDueOn"]!.GetValue<string>());
        Assert.Null(mine[0]!["lastContactOn"]);

        var id = (await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", Log(overdue, Today, way: "电话")), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var after = (await cadre.GetJson("/api/liaison/my-figures")).AsArray().Single(m => m!["figureId"]!.GetValue<long>() == overdue)!;
        Assert.Equal("ok", after["state"]!.GetValue<string>());
        Assert.Equal(Day(Today), after["lastContactOn"]!.GetValue<string>());
        Assert.Equal(Day(Today.AddDays(90)), after["nextDueOn"]!.GetValue<string>());

        var logs = await cadre.GetJson($"/api/contact-logs?figureId={overdue}");
        var item = logs["items"]!.AsArray().Single()!;
        Assert.Equal(id, item["id"]!.GetValue<long>());
        Assert.Equal("phone", item["way"]!.GetValue<string>());
        Assert.Equal("电话", item["wayLabel"]!.GetValue<string>());
        Assert.True(item["canEdit"]!.GetValue<bool>());
        Assert.Equal(cadreId, item["cadreUserId"]!.GetValue<string>());

        // Staff of the city see the log; the cadre's due state is visible in the staff due list.
        var staff = await app.As("staff_city");
        Assert.Single((await staff.GetJson($"/api/contact-logs?cadreUserId={cadreId}"))["items"]!.AsArray());
        var due = await staff.GetJson($"/api/liaison/due?cadreUserId={cadreId}&state=dueSoon");
        Assert.Equal(new[] { "将到期人士" }, ApiClient.ItemNames(due));
        Assert.Empty((await staff.GetJson($"/api/liaison/due?cadreUserId={cadreId}&state=overdue"))["items"]!.AsArray());
        var all = await staff.GetJson($"/api/liaison/due?cadreUserId={cadreId}");
        Assert.Equal(new[] { "将到期人士", "正常人士", "超期人士" }, ApiClient.ItemNames(all)); // by next-due date
        Assert.Equal(new[] { "正常人士", "将到期人士" }, ApiClient.ItemNames(await staff.GetJson($"/api/liaison/due?cadreUserId={cadreId}&regionCode=510503&sort=-nextDueOn")));
        var jyDue = await (await app.As("staff_jy")).GetJson($"/api/liaison/due?cadreUserId={cadreId}");
        Assert.Equal(new[] { "超期人士" }, ApiClient.ItemNames(jyDue));

        // A figure who leaves the registry drops out of the due list and the cadre's figures.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/figures/{fine}?status=left&reason=本人申请退出")).StatusCode);
        Assert.Equal(new[] { "将到期人士", "超期人士" }, ApiClient.ItemNames(await staff.GetJson($"/api/liaison/due?cadreUserId={cadreId}")));
        Assert.DoesNotContain((await cadre.GetJson("/api/liaison/my-figures")).AsArray(), m => m!["figureId"]!.GetValue<long>() == fine);

        var file = await staff.GetAsync($"/api/liaison/due/file?cadreUserId={cadreId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/liaison/due?state=late")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.As("staff_jy")).GetAsync("/api/liaison/due?regionCode=510503")).StatusCode);
    }

    [Fact]
    public async Task A_cadre_cannot_see_or_write_an_unassigned_figures_logs()
    {
        var cadreId = await app.User("cadre_other", Roles.Cadre, "510500");
        var assigned = await app.CreateFigure("staff_city", new { name = "已分配人士", regionCode = "510502", keyLevel = "city" });
        var stranger = await app.CreateFigure("staff_city", new { name = "未分配人士", regionCode = "510502", keyLevel = "city" });
        var assignment = await app.Assign(assigned, cadreId, Today.AddDays(-5));
        var staff = await app.As("staff_city");
        var staffLog = (await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", Log(stranger, Today.AddDays(-1))), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var cadre = await app.As("cadre_other");

        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PostAsync("/api/contact-logs", Log(stranger, Today))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PostAsync("/api/contact-logs", Log(stranger, Today.AddDays(5), way: "bogus"))).StatusCode);
        Assert.Empty((await cadre.GetJson($"/api/contact-logs?figureId={stranger}"))["items"]!.AsArray());
        Assert.Empty((await cadre.GetJson("/api/contact-logs"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/contact-logs/{staffLog}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PutAsync($"/api/contact-logs/{staffLog}", new { figureId = stranger, date = Day(Today), way = "visit", summary = "改", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.DeleteAsync($"/api/contact-logs/{staffLog}")).StatusCode);
        Assert.Equal(1, await app.WithDb((db, _) => db.ContactLogs.CountAsync(l => l.FigureId == stranger)));

        // A staff log of an assigned figure is readable by the cadre but not theirs to change.
        var onAssigned = (await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", Log(assigned, Today.AddDays(-2))), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var seen = (await cadre.GetJson($"/api/contact-logs?figureId={assigned}"))["items"]!.AsArray().Single()!;
        Assert.False(seen["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.DeleteAsync($"/api/contact-logs/{onAssigned}")).StatusCode);

        // Once the assignment ends, the figure's logs disappear for the cadre.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/liaison/assignments/{assignment}/end", new { endOn = Day(Today), reason = "调整" })).StatusCode);
        Assert.Empty((await cadre.GetJson($"/api/contact-logs?figureId={assigned}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PostAsync("/api/contact-logs", Log(assigned, Today))).StatusCode);
        Assert.Empty((await cadre.GetJson("/api/liaison/my-figures")).AsArray());
    }

    [Fact]
    public async Task Bad_input_is_a_field_error_and_writes_nothing()
    {
        var cadreId = await app.User("cadre_bad", Roles.Cadre, "510500");
        var figure = await app.CreateFigure("staff_city", new { name = "输入人士", regionCode = "510502" });
        await app.Assign(figure, cadreId, Today.AddDays(-5));
        var cadre = await app.As("cadre_bad");
        var bad = await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs",
            new { figureId = figure, date = Day(Today.AddDays(1)), way = "飞鸽传书", summary = " " }), HttpStatusCode.BadRequest);
        Assert.Contains("晚于今天", bad["errors"]!["date"]![0]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["way"]);
        Assert.NotNull(bad["errors"]!["summary"]);
        var missing = await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", new { summary = "无人士" }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["figureId"]);
        Assert.NotNull(missing["errors"]!["date"]);
        Assert.Equal(0, await app.WithDb((db, _) => db.ContactLogs.CountAsync(l => l.FigureId == figure)));

        var id = (await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", Log(figure, Today, way: "wechat")), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var badEdit = await cadre.PutAsync($"/api/contact-logs/{id}", new { figureId = figure, date = Day(Today.AddDays(3)), way = "wechat", summary = "改期", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        Assert.Equal(Today, await app.WithDb((db, _) => db.ContactLogs.Where(l => l.Id == id).Select(l => l.Date).SingleAsync()));
    }

    [Fact]
    public async Task Edits_check_the_version_and_deletes_remove_the_log()
    {
        var figure = await app.CreateFigure("staff_city", new { name = "编辑人士", regionCode = "510502" });
        var staff = await app.As("staff_city");
        var id = (await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", Log(figure, Today.AddDays(-3))), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var log = await staff.GetJson($"/api/contact-logs/{id}");
        var version = log["version"]!.GetValue<int>();
        var edited = await ApiClient.ReadJson(await staff.PutAsync($"/api/contact-logs/{id}",
            new { figureId = figure, date = Day(Today.AddDays(-2)), way = "座谈", summary = "座谈交流", version }));
        Assert.Equal("meeting", edited["way"]!.GetValue<string>());
        Assert.Equal("座谈交流", edited["summary"]!.GetValue<string>());
        var stale = await staff.PutAsync($"/api/contact-logs/{id}", new { figureId = figure, date = Day(Today), way = "visit", summary = "旧版本", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("座谈交流", (await staff.GetJson($"/api/contact-logs/{id}"))["summary"]!.GetValue<string>());

        // Another district neither sees nor changes it; the leader reads but does not write.
        var nx = await app.As("staff_nx");
        Assert.Equal(HttpStatusCode.NotFound, (await nx.GetAsync($"/api/contact-logs/{id}")).StatusCode);
        Assert.Empty((await nx.GetJson($"/api/contact-logs?figureId={figure}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await nx.DeleteAsync($"/api/contact-logs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.PostAsync("/api/contact-logs", Log(figure, Today))).StatusCode);
        var leader = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/contact-logs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"/api/contact-logs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/contact-logs", Log(figure, Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("unit_city")).GetAsync("/api/contact-logs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/liaison/my-figures")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/contact-logs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/contact-logs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Staff_log_a_contact_for_a_cadre_and_it_counts_for_that_cadre()
    {
        var cadreId = await app.User("cadre_onbehalf", Roles.Cadre, "510500");
        var figure = await app.CreateFigure("staff_city", new { name = "代记人士", regionCode = "510502", keyLevel = "city" });
        await app.Assign(figure, cadreId, Today.AddDays(-120));
        var staff = await app.As("staff_city");
        var bad = await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs",
            new { figureId = figure, date = Day(Today), way = "visit", summary = "代记", cadreUserId = "no-such-user" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["cadreUserId"]);
        await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs",
            new { figureId = figure, date = Day(Today.AddDays(-1)), way = "visit", summary = "代记", cadreUserId = cadreId }), HttpStatusCode.Created);
        var mine = (await (await app.As("cadre_onbehalf")).GetJson("/api/liaison/my-figures")).AsArray().Single()!;
        Assert.Equal("ok", mine["state"]!.GetValue<string>());
    }
}

public sealed class ContactLogTestsOnSqlite(SqliteApp app) : ContactLogTests(app), IClassFixture<SqliteApp>;
public sealed class ContactLogTestsOnPostgres(PostgresApp app) : ContactLogTests(app), IClassFixture<PostgresApp>;
