using System.Net;
using MiniExcelLibs;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

/// <summary>The Excel files of "my figures", contact logs and assignments: labels, scope and narrowing as the lists.</summary>
public abstract class LiaisonExportTests(TestApp app)
{
    private static DateOnly Today => LiaisonFixtures.Today;
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<(List<string> Header, List<IDictionary<string, object?>> Rows)> Sheet(HttpResponseMessage file)
    {
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        using var raw = new MemoryStream(bytes);
        var header = MiniExcel.Query(raw, useHeaderRow: false).Cast<IDictionary<string, object?>>().FirstOrDefault()?.Values
            .Select(v => v?.ToString() ?? "").ToList() ?? [];
        using var ms = new MemoryStream(bytes);
        return (header, MiniExcel.Query(ms, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList());
    }

    [Fact]
    public async Task A_cadre_exports_only_their_own_figures_with_labels()
    {
        var mineId = await app.User("cadre_export_a", Roles.Cadre, "510500");
        var otherId = await app.User("cadre_export_b", Roles.Cadre, "510500");
        var mine = await app.CreateFigure("staff_city", new { name = "导出本人甲", regionCode = "510502", keyLevel = "city" });
        var other = await app.CreateFigure("staff_city", new { name = "导出他人乙", regionCode = "510502", keyLevel = "city" });
        await app.Assign(mine, mineId, Today.AddDays(-100));
        await app.Assign(other, otherId, Today.AddDays(-100));

        var (header, rows) = await Sheet(await (await app.As("cadre_export_a")).GetAsync("/api/liaison/my-figures/file"));
        Assert.Equal(["网络人士", "重点级别", "所属地区", "联系开始", "最近联系", "应联系日期", "状态"], header);
        var row = Assert.Single(rows);
        Assert.Equal("导出本人甲", row["网络人士"]);
        Assert.Equal("市级重点", row["重点级别"]);
        Assert.Equal(Day(Today.AddDays(-100)), row["联系开始"]?.ToString());
        Assert.Equal("从未联系", row["最近联系"]);
        Assert.Equal("已超期", row["状态"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("staff_city")).GetAsync("/api/liaison/my-figures/file")).StatusCode);
    }

    [Fact]
    public async Task Contact_logs_export_with_the_lists_filters_and_a_cadre_or_another_region_gets_none_of_anothers()
    {
        var cadreId = await app.User("cadre_export_logs", Roles.Cadre, "510500");
        await app.User("cadre_export_logs_other", Roles.Cadre, "510500");
        var figure = await app.CreateFigure("staff_city", new { name = "导出记录人士", regionCode = "510502", keyLevel = "district" });
        await app.Assign(figure, cadreId, Today.AddDays(-30));
        var cadre = await app.As("cadre_export_logs");
        await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs",
            new { figureId = figure, date = Day(Today.AddDays(-2)), way = "visit", participants = "=HYPERLINK(\"x\")", summary = "导出走访", followUp = "下月回访" }),
            HttpStatusCode.Created);

        var staff = await app.As("staff_city");
        var (header, rows) = await Sheet(await staff.GetAsync($"/api/contact-logs/file?figureId={figure}"));
        Assert.Equal(["联系日期", "网络人士", "联系方式", "联系情况", "参加人员", "后续事项", "记录人"], header);
        var row = Assert.Single(rows);
        Assert.Equal(Day(Today.AddDays(-2)), row["联系日期"]?.ToString());
        Assert.Equal("导出记录人士", row["网络人士"]);
        Assert.NotEqual("visit", row["联系方式"]);
        Assert.Equal("导出走访", row["联系情况"]);
        Assert.StartsWith("'", row["参加人员"]?.ToString());
        Assert.Equal("cadre_export_logs", row["记录人"]);
        Assert.Empty((await Sheet(await staff.GetAsync($"/api/contact-logs/file?figureId={figure}&from={Day(Today)}"))).Rows);

        Assert.Single((await Sheet(await cadre.GetAsync("/api/contact-logs/file"))).Rows);
        Assert.DoesNotContain((await Sheet(await (await app.As("cadre_export_logs_other")).GetAsync("/api/contact-logs/file"))).Rows,
            r => (string?)r["网络人士"] == "导出记录人士");
        Assert.DoesNotContain((await Sheet(await (await app.As("staff_nx")).GetAsync("/api/contact-logs/file"))).Rows,
            r => (string?)r["网络人士"] == "导出记录人士");
    }

    [Fact]
    public async Task Assignments_export_for_staff_of_the_region_only()
    {
        var cadreId = await app.User("cadre_export_assign", Roles.Cadre, "510500");
        var figure = await app.CreateFigure("staff_city", new { name = "导出结对人士", regionCode = "510502" });
        await app.Assign(figure, cadreId, Today.AddDays(-5));

        var (header, rows) = await Sheet(await (await app.As("staff_city")).GetAsync($"/api/liaison/assignments/file?cadreUserId={cadreId}"));
        Assert.Equal(["网络人士", "重点级别", "所属地区", "联系干部", "开始日期", "结束日期", "结束原因", "状态"], header);
        var row = Assert.Single(rows);
        Assert.Equal("导出结对人士", row["网络人士"]);
        Assert.Equal("一般人士", row["重点级别"]);
        Assert.Equal("cadre_export_assign", row["联系干部"]);
        Assert.Equal(Day(Today.AddDays(-5)), row["开始日期"]?.ToString());
        Assert.Equal("联系中", row["状态"]);

        Assert.Empty((await Sheet(await (await app.As("staff_nx")).GetAsync($"/api/liaison/assignments/file?cadreUserId={cadreId}"))).Rows);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cadre_export_assign")).GetAsync("/api/liaison/assignments/file")).StatusCode);
    }
}

public sealed class LiaisonExportTestsOnSqlite(SqliteApp app) : LiaisonExportTests(app), IClassFixture<SqliteApp>;
public sealed class LiaisonExportTestsOnPostgres(PostgresApp app) : LiaisonExportTests(app), IClassFixture<PostgresApp>;
