using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Attachments;
using Tongxin.Tests.Features.Attachments;
using Tongxin.Tests.Features.Liaison;
using Tongxin.Tests.Features.TaskPlans;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.HelpRequests;

/// <summary>
/// Files on a request's timeline steps (a unit's 办理结果, staff's 办结): read by who reads the request, written by the
/// step's author only while the request has not moved on, listed in the detail's timeline.
/// </summary>
public abstract class HelpRequestStepAttachmentTests(TestApp app)
{
    private static readonly byte[] Pdf = AttachmentTests.Pdf;
    private static readonly byte[] Png = AttachmentTests.Png;

    private static Task<HttpResponseMessage> Upload(ApiClient client, string url, byte[] bytes, string fileName) =>
        AttachmentTests.Upload(client, url, bytes, fileName);

    private static async Task<JsonNode> Act(ApiClient client, long request, string action, object body)
    {
        var version = (await client.GetJson($"/api/help-requests/{request}"))["version"]!.GetValue<int>();
        var payload = JsonSerializer.SerializeToNode(body)!.AsObject();
        payload["version"] = version;
        return await ApiClient.ReadJson(await client.PostAsync($"/api/help-requests/{request}/{action}", payload));
    }

    /// <summary>A request of 江阳 routed to a new unit; returns the request, the unit's client and a second unit's client.</summary>
    private async Task<(long Request, ApiClient Unit, ApiClient OtherUnit)> Routed()
    {
        var kit = new TaskPlanKit(app);
        var tag = TaskPlanKit.Tag();
        var unitA = await kit.Unit("步骤附件单位甲" + tag);
        var unitB = await kit.Unit("步骤附件单位乙" + tag);
        var staff = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "步骤附件人" + tag, regionCode = "510502" });
        var request = (await ApiClient.ReadJson(await staff.PostAsync("/api/help-requests",
            new { figureId = figure, category = "办公场所", title = "场地", description = "需要场地", urgency = "normal", receivedVia = "self" }),
            HttpStatusCode.Created))["id"]!.GetValue<long>();
        await Act(staff, request, "accept", new { });
        var deadline = LiaisonFixtures.Today.AddDays(10).ToString("yyyy-MM-dd");
        await Act(staff, request, "route", new { parts = new[] { new { unitId = unitA, deadline } } });
        return (request, await kit.UnitUser(unitA), await kit.UnitUser(unitB));
    }

    private static JsonNode LastStep(JsonNode detail, string action) =>
        detail["timeline"]!.AsArray().Last(t => t!["action"]!.GetValue<string>() == action)!;

    [Fact]
    public async Task A_unit_attaches_a_letter_to_its_reply_staff_see_it_on_the_timeline_and_download_it_and_others_get_404()
    {
        var (request, unit, otherUnit) = await Routed();
        var replied = await Act(unit, request, "reply", new { text = "已办理，见回函" });
        var step = LastStep(replied, "reply");
        Assert.True(step["canAttach"]!.GetValue<bool>());
        Assert.Empty(step["attachments"]!.AsArray());
        var stepId = step["id"]!.GetValue<long>();
        var url = $"/api/help-request-steps/{stepId}/attachments";

        var created = await ApiClient.ReadJson(await Upload(unit, url, Pdf, "办理结果.pdf"), HttpStatusCode.Created);
        var fileId = created["id"]!.GetValue<long>();
        Assert.Equal($"{url}/{fileId}/file", created["downloadUrl"]!.GetValue<string>());

        // Staff read it in the detail (one call) and download it; they did not write the step, so they may not add to it.
        var staff = await app.As("staff_city");
        var staffStep = LastStep(await staff.GetJson($"/api/help-requests/{request}"), "reply");
        var listed = staffStep["attachments"]!.AsArray().Single()!;
        Assert.Equal(fileId, listed["id"]!.GetValue<long>());
        Assert.Equal("办理结果.pdf", listed["fileName"]!.GetValue<string>());
        Assert.Equal(Pdf.Length, listed["size"]!.GetValue<long>());
        Assert.False(staffStep["canAttach"]!.GetValue<bool>());
        var download = await staff.GetAsync($"{url}/{fileId}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.False((await staff.GetJson(url))["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(staff, url, Pdf, "x.pdf")).StatusCode);
        // The other steps carry no files; the request's own attachments are separate.
        Assert.All((await staff.GetJson($"/api/help-requests/{request}"))["timeline"]!.AsArray().Where(t => t!["id"]!.GetValue<long>() != stepId),
            t => Assert.Empty(t!["attachments"]!.AsArray()));

        // A leader reads but never writes.
        var leader = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"{url}/{fileId}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(leader, url, Pdf, "x.pdf")).StatusCode);

        // A unit the request is not routed to, and staff of another district: as if it did not exist.
        foreach (var outsider in new[] { otherUnit, await app.As("staff_nx") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{url}/{fileId}/file")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.DeleteAsync($"{url}/{fileId}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(otherUnit, url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(await app.As("staff_nx"), url, Png, "x.png")).StatusCode);
        // An unknown step is 404 too, and the file is not reachable under another step.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/help-request-steps/{long.MaxValue}/attachments")).StatusCode);
        var routeStep = LastStep(await staff.GetJson($"/api/help-requests/{request}"), "route")["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/help-request-steps/{routeStep}/attachments/{fileId}/file")).StatusCode);
        Assert.Equal(1, await app.WithDb((db, _) => db.Attachments.CountAsync(a => a.OwnerKind == AttachmentOwnerKind.HelpRequestStep && a.OwnerId == stepId)));
    }

    [Fact]
    public async Task Once_staff_complete_the_unit_may_no_longer_change_its_reply_files_and_staff_attach_to_their_completion()
    {
        var (request, unit, _) = await Routed();
        var stepId = LastStep(await Act(unit, request, "reply", new { text = "已办理" }), "reply")["id"]!.GetValue<long>();
        var url = $"/api/help-request-steps/{stepId}/attachments";
        var fileId = (await ApiClient.ReadJson(await Upload(unit, url, Pdf, "回函.pdf"), HttpStatusCode.Created))["id"]!.GetValue<long>();

        var staff = await app.As("staff_city");
        var completed = await Act(staff, request, "complete", new { summary = "已办结" });
        var completeStep = LastStep(completed, "complete");
        Assert.True(completeStep["canAttach"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, (await Upload(staff, $"/api/help-request-steps/{completeStep["id"]}/attachments", Png, "现场.png")).StatusCode);

        // The request moved on: the unit still reads its file but may neither add nor remove one.
        Assert.False(LastStep(await unit.GetJson($"/api/help-requests/{request}"), "reply")["canAttach"]!.GetValue<bool>());
        Assert.False((await unit.GetJson(url))["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(unit, url, Png, "补充.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.DeleteAsync($"{url}/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"{url}/{fileId}/file")).StatusCode);
        Assert.Single(LastStep(await unit.GetJson($"/api/help-requests/{request}"), "complete")["attachments"]!.AsArray());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_chinese_and_nothing_is_written()
    {
        var (request, unit, _) = await Routed();
        var stepId = LastStep(await Act(unit, request, "reply", new { text = "已办理" }), "reply")["id"]!.GetValue<long>();
        var url = $"/api/help-request-steps/{stepId}/attachments";
        var before = await app.WithDb((db, _) => db.Attachments.IgnoreQueryFilters().CountAsync());
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var problem = await ApiClient.ReadJson(await Upload(unit, url, big, "扫描件.pdf"), HttpStatusCode.BadRequest);
        Assert.Equal("文件不能超过20MB", problem["errors"]!["file"]![0]!.GetValue<string>());
        var wrong = await ApiClient.ReadJson(await Upload(unit, url, Png, "回函.pdf"), HttpStatusCode.BadRequest);
        Assert.Contains("文件内容与扩展名不符", wrong["errors"]!["file"]![0]!.GetValue<string>());
        Assert.Equal(before, await app.WithDb((db, _) => db.Attachments.IgnoreQueryFilters().CountAsync()));
        Assert.Empty((await unit.GetJson(url))["items"]!.AsArray());
    }
}

public sealed class HelpRequestStepAttachmentTestsOnSqlite(SqliteApp app) : HelpRequestStepAttachmentTests(app), IClassFixture<SqliteApp>;
public sealed class HelpRequestStepAttachmentTestsOnPostgres(PostgresApp app) : HelpRequestStepAttachmentTests(app), IClassFixture<PostgresApp>;
