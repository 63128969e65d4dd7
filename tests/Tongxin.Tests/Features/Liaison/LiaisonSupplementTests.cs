using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Features.HelpRequests;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

/// <summary>The feedback form's help requests, the staff's copies of the forms, a cadre's view of a figure, and contact coverage.</summary>
public abstract class LiaisonSupplementTests(TestApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<long> Request(ApiClient client, long figureId, string title)
    {
        var response = await client.PostAsync("/api/help-requests",
            new { figureId, category = "办公场所", title, description = "说明", urgency = "normal", receivedVia = "cadre" });
        return (await ApiClient.ReadJson(response, HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task The_feedback_form_lists_the_years_help_requests_of_the_cadres_figures_in_json_word_and_excel_and_keeps_them_on_submit()
    {
        var year = LiaisonFixtures.Today.Year;
        var cadreId = await app.User("cadre_requests", Roles.Cadre, "510500");
        var mine = await app.CreateFigure("staff_city", new { name = "诉求反馈甲", regionCode = "510502", keyLevel = "city" });
        var other = await app.CreateFigure("staff_city", new { name = "诉求反馈乙", regionCode = "510502", keyLevel = "city" });
        await app.Assign(mine, cadreId, new DateOnly(year, 1, 1));
        var cadre = await app.As("cadre_requests");
        var staff = await app.As("staff_city");
        var open = await Request(cadre, mine, "需要直播场地");
        var solved = await Request(staff, mine, "融资对接");
        await Request(staff, other, "不属于此干部");
        await app.WithDb(async (db, _) =>
        {
            var r = await db.HelpRequests.FirstAsync(x => x.Id == solved);
            r.Status = HelpRequestStatus.Visited;
            r.Summary = "已对接两家银行";
            r.Satisfaction = Satisfaction.Satisfied;
            r.CompletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return 0;
        });

        var form = await cadre.GetJson($"/api/liaison/feedback/{year}");
        var requests = form["requests"]!.AsArray();
        Assert.Equal(new[] { open, solved }, requests.Select(r => r!["id"]!.GetValue<long>()));
        Assert.All(requests, r => Assert.Equal("诉求反馈甲", r!["figureName"]!.GetValue<string>()));
        Assert.Equal("已提交", requests[0]!["status"]!.GetValue<string>());
        Assert.Equal("待受理", requests[0]!["outcome"]!.GetValue<string>());
        Assert.Equal("已回访", requests[1]!["status"]!.GetValue<string>());
        Assert.Contains("已对接两家银行", requests[1]!["outcome"]!.GetValue<string>());
        Assert.Contains("满意", requests[1]!["outcome"]!.GetValue<string>());

        var docx = await cadre.GetAsync($"/api/liaison/feedback/{year}/file?format=docx");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("需要直播场地", text);
            Assert.Contains("已对接两家银行", text);
            Assert.Contains("共 2 件", text);
            Assert.DoesNotContain("不属于此干部", text);
            Assert.DoesNotContain("{{", text);
        }
        var xlsx = await cadre.GetAsync($"/api/liaison/feedback/{year}/file?format=xlsx");
        using (var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
            Assert.Contains("诉求办理", await workbook.ReadToEndAsync());
            using var strings = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")?.Open() ?? Stream.Null);
            var all = await strings.ReadToEndAsync();
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/")))
                all += await new StreamReader(sheet.Open()).ReadToEndAsync();
            Assert.Contains("融资对接", all);
        }

        // Submitted, the requests are kept as they stood: a later request does not join the form.
        var submitted = await ApiClient.ReadJson(await cadre.PostAsync($"/api/liaison/feedback/{year}/submit", new { version = 0 }));
        Assert.Equal(2, submitted["requests"]!.AsArray().Count);
        await Request(cadre, mine, "提交后的诉求");
        Assert.Equal(2, (await cadre.GetJson($"/api/liaison/feedback/{year}"))["requests"]!.AsArray().Count);
    }

    [Fact]
    public async Task Staff_download_each_cadres_form_and_the_summary_workbook_within_their_region_only()
    {
        var year = LiaisonFixtures.Today.Year;
        var cadreId = await app.User("cadre_download", Roles.Cadre, "510502");
        var figure = await app.CreateFigure("staff_city", new { name = "下载反馈人", regionCode = "510502", keyLevel = "district" });
        await app.Assign(figure, cadreId, new DateOnly(year, 1, 1));

        var staff = await app.As("staff_jy");
        var docx = await staff.GetAsync($"/api/liaison/feedback-summary/cadres/{cadreId}/file?year={year}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("cadre_download", text);
            Assert.Contains("下载反馈人", text);
            Assert.Contains("本年度无经手的诉求", text);
        }
        var xlsx = await staff.GetAsync($"/api/liaison/feedback-summary/cadres/{cadreId}/file?year={year}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var summary = await staff.GetAsync($"/api/liaison/feedback-summary/file?year={year}");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await summary.Content.ReadAsByteArrayAsync())))
        {
            using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
            var sheets = await workbook.ReadToEndAsync();
            Assert.Contains("反馈表汇总", sheets);
            Assert.Contains("本年度未联系人士", sheets);
        }

        // Another district's staff, a cadre, or a user who is no cadre: 404 or 403, nothing downloaded.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_nx")).GetAsync($"/api/liaison/feedback-summary/cadres/{cadreId}/file?year={year}")).StatusCode);
        var staffId = await app.UserId("staff_jy");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/liaison/feedback-summary/cadres/{staffId}/file?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/liaison/feedback-summary/cadres/{cadreId}/file?year={year}&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cadre_download")).GetAsync($"/api/liaison/feedback-summary/file?year={year}")).StatusCode);
    }

    [Fact]
    public async Task A_cadre_reads_the_masked_profile_of_an_assigned_figure_and_gets_404_for_any_other()
    {
        var cadreId = await app.User("cadre_profile", Roles.Cadre, "510500");
        var assigned = await app.CreateFigure("staff_city", new { name = "资料可见", regionCode = "510502", phone = "13812345678", keyLevel = "city" });
        var unassigned = await app.CreateFigure("staff_city", new { name = "资料不可见", regionCode = "510502" });
        var ended = await app.CreateFigure("staff_city", new { name = "资料已结束", regionCode = "510502" });
        await app.Assign(assigned, cadreId, LiaisonFixtures.Today.AddDays(-30));
        var endedAssignment = await app.Assign(ended, cadreId, LiaisonFixtures.Today.AddDays(-30));
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.As("staff_city")).PostAsync($"/api/liaison/assignments/{endedAssignment}/end",
            new { endOn = Day(LiaisonFixtures.Today), reason = "调整" })).StatusCode);

        var cadre = await app.As("cadre_profile");
        var response = await cadre.GetAsync($"/api/liaison/figures/{assigned}");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("13812345678", raw);
        var profile = System.Text.Json.Nodes.JsonNode.Parse(raw)!;
        Assert.Equal("资料可见", profile["name"]!.GetValue<string>());
        Assert.Contains("*", profile["phoneMasked"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/liaison/figures/{unassigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/liaison/figures/{ended}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync("/api/liaison/figures/987654321")).StatusCode);
        // No reveal for a cadre, and the registry's own profile stays closed to them.
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.PostAsync($"/api/figures/{assigned}/reveal", new { field = "phone" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync($"/api/figures/{assigned}")).StatusCode);
        // Staff read any figure of their region through the same route; another district gets 404.
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("staff_jy")).GetAsync($"/api/liaison/figures/{unassigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_nx")).GetAsync($"/api/liaison/figures/{unassigned}")).StatusCode);
    }

    [Fact]
    public async Task Coverage_counts_key_figures_contacted_within_their_interval_by_level_and_region_in_scope()
    {
        var cadreId = await app.User("cadre_coverage", Roles.Cadre, "510500");
        var today = LiaisonFixtures.Today;
        var fresh = await app.CreateFigure("staff_city", new { name = "覆盖近期", regionCode = "510502001", keyLevel = "city" });
        var stale = await app.CreateFigure("staff_city", new { name = "覆盖过期", regionCode = "510502001", keyLevel = "city" });
        var never = await app.CreateFigure("staff_city", new { name = "覆盖未联系", regionCode = "510502001", keyLevel = "district" });
        var ordinary = await app.CreateFigure("staff_city", new { name = "覆盖一般", regionCode = "510502001" });
        foreach (var f in new[] { fresh, stale, never, ordinary }) await app.Assign(f, cadreId, today.AddDays(-400));
        var cadre = await app.As("cadre_coverage");
        foreach (var (f, date) in new[] { (fresh, today.AddDays(-10)), (stale, today.AddDays(-120)), (ordinary, today) })
            await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", new { figureId = f, date = Day(date), way = "visit", summary = "联系" }), HttpStatusCode.Created);

        var view = await (await app.As("staff_jy")).GetJson("/api/liaison/coverage?regionCode=510502001");
        Assert.Equal(3, view["figures"]!.GetValue<int>());
        Assert.Equal(1, view["contacted"]!.GetValue<int>());
        var levels = view["byKeyLevel"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => (g!["figures"]!.GetValue<int>(), g["contacted"]!.GetValue<int>()));
        Assert.Equal((2, 1), levels["city"]);
        Assert.Equal((1, 0), levels["district"]);
        var region = Assert.Single(view["byRegion"]!.AsArray());
        Assert.Equal("510502", region!["key"]!.GetValue<string>());
        Assert.Equal(0.3333, region["share"]!.GetValue<double>());

        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.As("staff_nx")).GetAsync("/api/liaison/coverage?regionCode=510502001")).StatusCode);
        Assert.Equal(0, (await (await app.As("staff_nx")).GetJson("/api/liaison/coverage"))["byRegion"]!.AsArray()
            .Count(g => g!["key"]!.GetValue<string>() == "510502"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("leader_city")).GetAsync("/api/liaison/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("/api/liaison/coverage")).StatusCode);
    }
}

public sealed class LiaisonSupplementTestsOnSqlite(SqliteApp app) : LiaisonSupplementTests(app), IClassFixture<SqliteApp>;
public sealed class LiaisonSupplementTestsOnPostgres(PostgresApp app) : LiaisonSupplementTests(app), IClassFixture<PostgresApp>;
