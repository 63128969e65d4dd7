using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

public abstract class FeedbackFormTests(TestApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_cadre_edits_the_generated_form_submits_it_once_and_downloads_it()
    {
        var today = LiaisonFixtures.Today;
        var year = today.Year;
        var cadreId = await app.User("cadre_feedback", Roles.Cadre, "510500");
        var contacted = await app.CreateFigure("staff_city", new { name = "反馈甲", regionCode = "510502", keyLevel = "city" });
        var silent = await app.CreateFigure("staff_city", new { name = "反馈乙", regionCode = "510503", keyLevel = "district" });
        await app.Assign(contacted, cadreId, new DateOnly(year, 1, 1));
        await app.Assign(silent, cadreId, new DateOnly(year, 1, 1));
        var cadre = await app.As("cadre_feedback");
        foreach (var (date, way) in new[] { (new DateOnly(year, 1, 2), "visit"), (today, "phone") })
            await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", new { figureId = contacted, date = Day(date), way, summary = "了解近况" }), HttpStatusCode.Created);

        var form = await cadre.GetJson($"/api/liaison/feedback/{year}");
        Assert.Equal("draft", form["status"]!.GetValue<string>());
        Assert.Equal(0, form["version"]!.GetValue<int>());
        var rows = form["rows"]!.AsArray();
        Assert.Equal(new[] { "反馈甲", "反馈乙" }, rows.Select(r => r!["figureName"]!.GetValue<string>()));
        Assert.Equal(2, rows[0]!["contacts"]!.GetValue<int>());
        Assert.Equal(0, rows[1]!["contacts"]!.GetValue<int>());

        var saved = await ApiClient.ReadJson(await cadre.PutAsync($"/api/liaison/feedback/{year}", new { summary = "全年走访两次\n电话若干", problems = "场地紧张", plans = "继续联系", version = 0 }));
        var version = saved["version"]!.GetValue<int>();
        Assert.Equal("场地紧张", saved["problems"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await cadre.PutAsync($"/api/liaison/feedback/{year}", new { summary = "旧", version = 0 })).StatusCode);

        var docx = await cadre.GetAsync($"/api/liaison/feedback/{year}/file?format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var doc = WordprocessingDocument.Open(stream, false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains($"{year}年度联系情况反馈表", text);
            Assert.Contains("反馈甲", text);
            Assert.Contains("场地紧张", text);
            Assert.DoesNotContain("{{", text);
        }
        var xlsx = await cadre.GetAsync($"/api/liaison/feedback/{year}/file?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));

        var submitted = await ApiClient.ReadJson(await cadre.PostAsync($"/api/liaison/feedback/{year}/submit", new { version }));
        Assert.Equal("submitted", submitted["status"]!.GetValue<string>());
        var again = await ApiClient.ReadJson(await cadre.PostAsync($"/api/liaison/feedback/{year}/submit", new { version = submitted["version"]!.GetValue<int>() }), HttpStatusCode.Conflict);
        Assert.Contains("已提交", again["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await cadre.PutAsync($"/api/liaison/feedback/{year}", new { summary = "改", version = submitted["version"]!.GetValue<int>() })).StatusCode);

        // The submitted table stays as it was when a later contact is logged.
        await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", new { figureId = silent, date = Day(today), way = "wechat", summary = "补联系" }), HttpStatusCode.Created);
        var kept = await cadre.GetJson($"/api/liaison/feedback/{year}");
        Assert.Equal(0, kept["rows"]!.AsArray().Single(r => r!["figureName"]!.GetValue<string>() == "反馈乙")!["contacts"]!.GetValue<int>());
        Assert.Equal("全年走访两次\n电话若干", kept["summary"]!.GetValue<string>());

        // Staff see who submitted; a district sees only its own figures among the never-contacted.
        var summary = await (await app.As("staff_city")).GetJson($"/api/liaison/feedback-summary?year={year}");
        var line = summary["cadres"]!.AsArray().Single(c => c!["cadreUserId"]!.GetValue<string>() == cadreId)!;
        Assert.Equal("submitted", line["status"]!.GetValue<string>());
        Assert.Equal(3, line["contacts"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await cadre.GetAsync("/api/liaison/feedback/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync($"/api/liaison/feedback-summary?year={year}")).StatusCode);
    }

    [Fact]
    public async Task The_summary_lists_figures_nobody_contacted_this_year_within_the_region()
    {
        var year = LiaisonFixtures.Today.Year;
        var cadreId = await app.User("cadre_summary", Roles.Cadre, "510500");
        var jy = await app.CreateFigure("staff_city", new { name = "无人联系江阳", regionCode = "510502", keyLevel = "city" });
        var nx = await app.CreateFigure("staff_city", new { name = "无人联系纳溪", regionCode = "510503", keyLevel = "city" });
        await app.Assign(jy, cadreId, new DateOnly(year, 1, 1));
        await app.Assign(nx, cadreId, new DateOnly(year, 1, 1));
        var city = await (await app.As("staff_city")).GetJson($"/api/liaison/feedback-summary?year={year}");
        var names = city["neverContacted"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("无人联系江阳", names);
        Assert.Contains("无人联系纳溪", names);
        var district = await (await app.As("staff_jy")).GetJson($"/api/liaison/feedback-summary?year={year}");
        var districtNames = district["neverContacted"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("无人联系江阳", districtNames);
        Assert.DoesNotContain("无人联系纳溪", districtNames);
    }
}

public sealed class FeedbackFormTestsOnSqlite(SqliteApp app) : FeedbackFormTests(app), IClassFixture<SqliteApp>;
public sealed class FeedbackFormTestsOnPostgres(PostgresApp app) : FeedbackFormTests(app), IClassFixture<PostgresApp>;
