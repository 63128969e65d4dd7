using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Common.Files;
using Tongxin.Tests.Features.Liaison;
using Tongxin.Tests.Features.TaskPlans;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Attachments;

public abstract class AttachmentTests(TestApp app)
{
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Office(string mainPart)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", mainPart })
            {
                using var w = new StreamWriter(zip.CreateEntry(part).Open());
                w.Write("<x/>");
            }
        }
        return ms.ToArray();
    }

    internal static Task<HttpResponseMessage> Upload(ApiClient client, string url, byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return client.Send(HttpMethod.Post, url, null, content);
    }

    private static async Task<long> Uploaded(ApiClient client, string url, byte[] bytes, string fileName) =>
        (await ApiClient.ReadJson(await Upload(client, url, bytes, fileName), HttpStatusCode.Created))["id"]!.GetValue<long>();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A figure of the region assigned to a new cadre, with a log the cadre wrote; returns the cadre's name and the log.</summary>
    private async Task<(string Cadre, long Figure, long Log)> CadreLog(string region = "510503")
    {
        var tag = TaskPlanKit.Tag();
        var cadreName = "cadre_att_" + tag;
        var cadreId = await app.User(cadreName, Roles.Cadre, "510500");
        var figure = await app.CreateFigure("staff_city", new { name = "附件人士" + tag, regionCode = region, keyLevel = "city" });
        await app.Assign(figure, cadreId, LiaisonFixtures.Today.AddDays(-10));
        var cadre = await app.As(cadreName);
        var log = (await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs",
            new { figureId = figure, date = Day(LiaisonFixtures.Today), way = "visit", summary = "走访并拍照" }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        return (cadreName, figure, log);
    }

    private Task<List<(string Action, string? Summary, string? Region, string? User)>> AuditLines(long attachmentId) => app.WithDb(async (db, _) =>
        (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Attachment" && a.EntityId == attachmentId.ToString()).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Summary, a.RegionCode, a.UserName }).ToListAsync())
            .Select(a => (a.Action, a.Summary, a.RegionCode, a.UserName)).ToList());

    private Task<bool> Stored(long attachmentId) => app.WithDb(async (db, sp) =>
    {
        var key = await db.Attachments.IgnoreQueryFilters().Where(a => a.Id == attachmentId).Select(a => a.StoredKey).FirstOrDefaultAsync();
        if (key is null) return false;
        await using var s = await sp.GetRequiredService<IFileStore>().OpenReadAsync(key);
        return s is not null;
    });

    private Task<string?> StoredKey(long attachmentId) => app.WithDb((db, _) =>
        db.Attachments.IgnoreQueryFilters().Where(a => a.Id == attachmentId).Select(a => a.StoredKey).FirstOrDefaultAsync());

    private Task<bool> FileExists(string key) => app.WithDb(async (_, sp) =>
    {
        await using var s = await sp.GetRequiredService<IFileStore>().OpenReadAsync(key);
        return s is not null;
    });

    [Fact]
    public async Task A_cadre_uploads_lists_downloads_and_deletes_an_image_on_their_contact_log_and_each_step_is_audited()
    {
        var (cadreName, _, log) = await CadreLog();
        var cadre = await app.As(cadreName);
        var url = $"/api/contact-logs/{log}/attachments";

        var created = await ApiClient.ReadJson(await Upload(cadre, url, Png, "../走访 现场<1>.PNG", "text/html"), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        Assert.Equal("走访 现场_1_.png", created["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", created["contentType"]!.GetValue<string>());
        Assert.Equal(Png.Length, created["size"]!.GetValue<long>());
        Assert.Equal($"{url}/{id}/file", created["downloadUrl"]!.GetValue<string>());
        Assert.True(await Stored(id));

        var list = await cadre.GetJson(url);
        Assert.True(list["canWrite"]!.GetValue<bool>());
        Assert.Equal(20L * 1024 * 1024, list["maxBytes"]!.GetValue<long>());
        Assert.Equal(id, list["items"]!.AsArray().Single()!["id"]!.GetValue<long>());

        var download = await cadre.GetAsync($"{url}/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("走访 现场_1_.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Staff of the region read the cadre's log, so they read its attachments too; a leader reads but never writes.
        var staffDownload = await (await app.As("staff_city")).GetAsync($"{url}/{id}/file");
        Assert.Equal(HttpStatusCode.OK, staffDownload.StatusCode);
        var leader = await app.As("leader_city");
        Assert.False((await leader.GetJson(url))["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(leader, url, Png, "a.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"{url}/{id}")).StatusCode);

        var key = await StoredKey(id);
        Assert.Equal(HttpStatusCode.NoContent, (await cadre.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Empty((await cadre.GetJson(url))["items"]!.AsArray());
        Assert.False(await FileExists(key!));
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"{url}/{id}/file")).StatusCode);

        var lines = await AuditLines(id);
        Assert.Equal(["create", "attachment-download", "attachment-download", "delete"], lines.Select(l => l.Action).ToArray());
        Assert.All(lines, l => Assert.Equal("510503", l.Region));
        Assert.Equal(cadreName, lines[0].User);
        Assert.Equal("staff_city", lines[2].User);
        Assert.Contains("走访 现场_1_.png", lines[1].Summary);
    }

    [Fact]
    public async Task Wrong_types_disguised_content_too_big_files_and_too_many_files_answer_400_in_chinese_and_store_nothing()
    {
        var (cadreName, _, log) = await CadreLog();
        var cadre = await app.As(cadreName);
        var url = $"/api/contact-logs/{log}/attachments";

        async Task Refused(byte[] bytes, string name, string expected)
        {
            var problem = await ApiClient.ReadJson(await Upload(cadre, url, bytes, name), HttpStatusCode.BadRequest);
            Assert.Contains(expected, problem["errors"]!["file"]![0]!.GetValue<string>());
        }

        await Refused(Encoding.ASCII.GetBytes("MZ\x90\0binary"), "setup.exe", "只能上传");
        await Refused(Text("<html><script>alert(1)</script></html>"), "photo.png", "文件内容与扩展名不符");
        await Refused(Png, "photo.pdf", "文件内容与扩展名不符");
        await Refused(Office("xl/workbook.xml"), "report.docx", "文件内容与扩展名不符");
        await Refused([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "broken.xlsx", "文件内容与扩展名不符");
        await Refused([0xFF, 0xFE, 0x00, 0x41], "notes.txt", "文件内容与扩展名不符");
        await Refused([], "empty.txt", "请选择要上传的文件");
        var big = new byte[20 * 1024 * 1024 + 1];
        Png.CopyTo(big, 0);
        await Refused(big, "big.png", "文件不能超过20MB");
        Assert.Empty((await cadre.GetJson(url))["items"]!.AsArray());
        Assert.Equal(0, await app.WithDb((db, _) => db.Attachments.CountAsync(a => a.OwnerId == log)));

        // Every allowed kind is taken; the eleventh file of a record is refused.
        await Uploaded(cadre, url, Jpeg, "a.jpeg");
        await Uploaded(cadre, url, Png, "b.png");
        await Uploaded(cadre, url, Pdf, "c.pdf");
        await Uploaded(cadre, url, Office("word/document.xml"), "d.docx");
        await Uploaded(cadre, url, Office("xl/workbook.xml"), "e.xlsx");
        for (var i = 0; i < 5; i++) await Uploaded(cadre, url, Text("走访纪要\r\n第" + i + "条\t完"), $"f{i}.txt");
        var types = (await cadre.GetJson(url))["items"]!.AsArray().Select(i => i!["contentType"]!.GetValue<string>()).Distinct().Count();
        Assert.Equal(6, types);
        await Refused(Png, "g.png", "每条记录最多上传10个附件");
    }

    [Fact]
    public async Task Another_region_an_unassigned_cadre_and_a_cadre_who_did_not_write_the_log_are_kept_out()
    {
        var (cadreName, figure, log) = await CadreLog("510503");
        var url = $"/api/contact-logs/{log}/attachments";
        var id = await Uploaded(await app.As(cadreName), url, Png, "a.png");

        var otherCadreName = "cadre_att_other_" + TaskPlanKit.Tag();
        await app.User(otherCadreName, Roles.Cadre, "510500");
        foreach (var client in new[] { await app.As("staff_jy"), await app.As(otherCadreName) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}/{id}/file")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(await app.As("staff_jy"), url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_jy")).DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(await app.As(otherCadreName), url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(otherCadreName)).DeleteAsync($"{url}/{id}")).StatusCode);
        // An attachment id under another owner's route is not found either.
        var (_, _, otherLog) = await CadreLog("510503");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_city")).GetAsync($"/api/contact-logs/{otherLog}/attachments/{id}/file")).StatusCode);

        // A second cadre of the same figure reads the first cadre's log and its files, but may not change them.
        var secondId = await app.UserId(otherCadreName);
        await app.Assign(figure, secondId, LiaisonFixtures.Today.AddDays(-1));
        var second = await app.As(otherCadreName);
        Assert.False((await second.GetJson(url))["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"{url}/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(second, url, Png, "x.png")).StatusCode);
        Assert.Single((await second.GetJson(url))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_unit_attaches_files_to_requests_routed_to_it_and_another_unit_sees_nothing()
    {
        var kit = new TaskPlanKit(app);
        var tag = TaskPlanKit.Tag();
        var unitA = await kit.Unit("附件单位甲" + tag);
        var unitB = await kit.Unit("附件单位乙" + tag);
        var staff = await app.As("staff_city");
        var figure = await app.CreateFigure("staff_city", new { name = "诉求附件人" + tag, regionCode = "510502" });
        var request = (await ApiClient.ReadJson(await staff.PostAsync("/api/help-requests",
            new { figureId = figure, category = "办公场所", title = "场地", description = "需要场地", urgency = "normal", receivedVia = "self" }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var url = $"/api/help-requests/{request}/attachments";
        var staffFile = await Uploaded(staff, url, Pdf, "申请材料.pdf");
        var version = (await staff.GetJson($"/api/help-requests/{request}"))["version"]!.GetValue<int>();
        await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{request}/accept", new { version }));
        version = (await staff.GetJson($"/api/help-requests/{request}"))["version"]!.GetValue<int>();
        var deadline = Day(LiaisonFixtures.Today.AddDays(10));
        await ApiClient.ReadJson(await staff.PostAsync($"/api/help-requests/{request}/route", new { version, parts = new[] { new { unitId = unitA, deadline } } }));

        var a = await kit.UnitUser(unitA);
        var b = await kit.UnitUser(unitB);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"{url}/{staffFile}/file")).StatusCode);
        var reply = await Uploaded(a, url, Office("word/document.xml"), "办理情况.docx");
        Assert.Equal(2, (await staff.GetJson(url))["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{url}/{reply}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(b, url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"{url}/{reply}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_nx")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"{url}/{reply}")).StatusCode);
        Assert.Equal(["create", "delete"], (await AuditLines(reply)).Select(l => l.Action).ToArray());
    }

    [Fact]
    public async Task A_unit_attaches_files_to_its_own_quarterly_report_only_and_deleting_the_plan_removes_them()
    {
        var kit = new TaskPlanKit(app);
        var tag = TaskPlanKit.Tag();
        var lead = await kit.Unit("附件牵头" + tag);
        var co = await kit.Unit("附件配合" + tag);
        var stranger = await kit.Unit("附件无关" + tag);
        var plan = await kit.Plan();
        var task = await kit.Task(plan, lead, [co]);
        var leadUser = await kit.UnitUser(lead);
        var coUser = await kit.UnitUser(co);
        var strangerUser = await kit.UnitUser(stranger);
        var report = (await ApiClient.ReadJson(await leadUser.PostAsync($"/api/tasks/{task}/reports", new { quarter = "2026Q4", percent = 50, text = "过半" }),
            HttpStatusCode.Created))["id"]!.GetValue<long>();
        var url = $"/api/task-reports/{report}/attachments";

        var file = await Uploaded(leadUser, url, Office("xl/workbook.xml"), "进度表.xlsx");
        // The co-unit sees the task and reads the lead's report files, but does not write the lead's report.
        Assert.False((await coUser.GetJson(url))["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(coUser, url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerUser.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerUser.GetAsync($"{url}/{file}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(strangerUser, url, Png, "x.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_cd")).GetAsync(url)).StatusCode);
        var staff = await app.As("staff_city");
        Assert.True((await staff.GetJson(url))["canWrite"]!.GetValue<bool>());

        var key = await StoredKey(file);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/task-plans/{plan}")).StatusCode);
        Assert.Null(await StoredKey(file));
        Assert.False(await FileExists(key!));
        Assert.Equal(["create", "delete"], (await AuditLines(file)).Select(l => l.Action).ToArray());
    }

    [Fact]
    public async Task Deleting_a_contact_log_removes_its_attachments_and_their_files()
    {
        var (cadreName, _, log) = await CadreLog();
        var cadre = await app.As(cadreName);
        var first = await Uploaded(cadre, $"/api/contact-logs/{log}/attachments", Png, "a.png");
        var second = await Uploaded(cadre, $"/api/contact-logs/{log}/attachments", Pdf, "b.pdf");
        var keys = new[] { await StoredKey(first), await StoredKey(second) };

        Assert.Equal(HttpStatusCode.NoContent, (await cadre.DeleteAsync($"/api/contact-logs/{log}")).StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.Attachments.IgnoreQueryFilters().CountAsync(a => a.Id == first || a.Id == second)));
        foreach (var key in keys) Assert.False(await FileExists(key!));
        Assert.Equal(["create", "delete"], (await AuditLines(second)).Select(l => l.Action).ToArray());
    }
}

public sealed class AttachmentTestsOnSqlite(SqliteApp app) : AttachmentTests(app), IClassFixture<SqliteApp>;
public sealed class AttachmentTestsOnPostgres(PostgresApp app) : AttachmentTests(app), IClassFixture<PostgresApp>;
