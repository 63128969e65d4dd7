using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>Undo of a batch, and large files as jobs (exports: see Exports/ExportJobTests).</summary>
public abstract class ExportAndUndoTests(TestApp app)
{
    private static readonly object?[] Header = ["姓名", "身份证号", "工作单位", "平台", "账号", "粉丝数"];

    [Fact]
    public async Task Undo_restores_the_batch_and_refuses_twice_or_after_an_edit()
    {
        var client = await app.As("staff_city");
        var existingId = IdNumber();
        var existing = await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510502", idNumber = existingId, workplace = "原单位" });
        var newName = Name();
        var handle = Unique("u");
        var file = new WorkbookBuilder().Row(Header)
            .Row(Name(), existingId, "新单位", "抖音", handle, "1万")
            .Row(newName, null, "某公司", null, null, null)
            .Build();
        var report = await Import(client, file);
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal(1, report["updated"]!.GetValue<int>());
        var batch = report["batchId"]!.GetValue<long>();

        var list = await client.GetJson("/api/import-batches");
        Assert.Equal(batch, list["items"]![0]!["id"]!.GetValue<long>());
        Assert.Empty(await (await app.As("staff_cd")).GetJson("/api/import-batches").ContinueWith(t => t.Result["items"]!.AsArray()));

        var newId = await app.WithDb((db, _) => db.Figures.Where(f => f.Name == newName).Select(f => f.Id).SingleAsync());
        Assert.True(await app.WithDb((db, _) => db.FigureSearchKeys.AnyAsync(k => k.FigureId == newId)));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/import-batches/{batch}/undo")).StatusCode);
        // The keys have no foreign key to cascade: the delete itself must take them, or the search would still count the figure.
        Assert.False(await app.WithDb((db, _) => db.FigureSearchKeys.IgnoreQueryFilters().AnyAsync(k => k.FigureId == newId)));
        Assert.Equal(0, (await client.GetJson($"/api/figures?q={Uri.EscapeDataString(newName)}"))["total"]!.GetValue<int>());
        var restored = await app.WithDb((db, _) => db.Figures.Include(f => f.Accounts).FirstAsync(f => f.Id == existing));
        Assert.Equal("原单位", restored.Workplace);
        Assert.Empty(restored.Accounts);
        Assert.Equal(0, restored.MaxFollowers);
        Assert.False(await app.WithDb((db, _) => db.Figures.AnyAsync(f => f.Name == newName)));
        Assert.False(await app.WithDb((db, _) => db.PlatformAccounts.AnyAsync(a => a.Handle == handle)));

        var again = await ApiClient.ReadJson(await client.PostAsync($"/api/import-batches/{batch}/undo"), HttpStatusCode.Conflict);
        Assert.Equal("该批次已撤销", again["title"]!.GetValue<string>());

        // A second import, then someone edits one of its figures: undo lists that row and changes nothing.
        var second = await Import(client, new WorkbookBuilder().Row(Header).Row(Name(), existingId, "第二次", null, null, null).Build());
        var detail = await client.GetJson($"/api/figures/{existing}");
        var put = await client.PutAsync($"/api/figures/{existing}", new { name = detail["name"]!.GetValue<string>(), regionCode = "510502", workplace = "手工修改", version = detail["version"]!.GetValue<int>() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var conflict = await ApiClient.ReadJson(await client.PostAsync($"/api/import-batches/{second["batchId"]!.GetValue<long>()}/undo"), HttpStatusCode.Conflict);
        var changed = Assert.Single(conflict["rows"]!.AsArray());
        Assert.Equal(2, changed!["row"]!.GetValue<int>());
        Assert.Equal(existing, changed["figureId"]!.GetValue<long>());
        Assert.Equal("手工修改", (await app.WithDb((db, _) => db.Figures.FirstAsync(f => f.Id == existing))).Workplace);
    }

    [Fact]
    public async Task A_file_over_five_thousand_rows_runs_as_a_job_with_progress()
    {
        // A dry run keeps the test quick; commit goes through the same importer (see FigureImportTests).
        var client = await app.As("staff_city");
        var prefix = Unique("job");
        var file = new WorkbookBuilder().Row("姓名", "所属地区", "平台", "账号", "粉丝数")
            .Rows(Enumerable.Range(0, 5_100).Select(i => new object?[] { Name(), i == 5_099 ? "锦江区" : "江阳区", "抖音", $"{prefix}_{i}", i }))
            .Build();
        var accepted = await ApiClient.ReadJson(await Upload(client, file, "dryRun"), HttpStatusCode.Accepted);
        var jobId = accepted["jobId"]!.GetValue<string>();
        JsonNode status;
        var seen = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            status = await client.GetJson($"/api/import-jobs/{jobId}");
            seen.Add(status["processedRows"]!.GetValue<int>());
            Assert.Equal(5_100, status["totalRows"]!.GetValue<int>());
        } while (status["state"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", status["state"]!.GetValue<string>());
        Assert.Equal(5_100, status["processedRows"]!.GetValue<int>());
        Assert.True(seen.SequenceEqual(seen.Order()), "progress never goes back");
        var report = status["report"]!;
        Assert.Equal(5_099, report["created"]!.GetValue<int>());
        // The job ran with the importer's scope (锦江区 is outside 泸州市) and as the importer (the error workbook is theirs).
        var error = Assert.Single(Errors(report));
        Assert.Equal((5_101, "所属地区"), (error.Row, error.Column));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(report["errorReportUrl"]!.GetValue<string>())).StatusCode);
        Assert.False(await app.WithDb((db, _) => db.PlatformAccounts.AnyAsync(a => a.Handle.StartsWith(prefix))));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_cd")).GetAsync($"/api/import-jobs/{jobId}")).StatusCode);
        // Nor another importer whose scope covers it: the status is the uploader's.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("admin")).GetAsync($"/api/import-jobs/{jobId}")).StatusCode);
    }

}

public sealed class ExportAndUndoTestsOnSqlite(SqliteApp app) : ExportAndUndoTests(app), IClassFixture<SqliteApp>;
public sealed class ExportAndUndoTestsOnPostgres(PostgresApp app) : ExportAndUndoTests(app), IClassFixture<PostgresApp>;
