using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Jobs;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Exports;

/// <summary>
/// Exports as background jobs: masked, neutralized and re-importable as before; run with the requester's
/// scope (the worker has no HttpContext); status and file for their requester only; audited; purged.
/// </summary>
public abstract class ExportJobTests(TestApp app)
{
    /// <summary>Starts an export and waits for it to end; every status seen keeps 0 ≤ processed ≤ total.</summary>
    private static async Task<JsonNode> RunExport(ApiClient client, string query)
    {
        var accepted = await ApiClient.ReadJson(await client.PostAsync("/api/figures/export-jobs?" + query), HttpStatusCode.Accepted);
        var id = accepted["id"]!.GetValue<string>();
        JsonNode status = accepted;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (status["state"]!.GetValue<string>() is JobStates.Queued or JobStates.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await client.GetJson($"/api/export-jobs/{id}");
            Assert.InRange(status["processedRows"]!.GetValue<int>(), 0, Math.Max(0, status["totalRows"]!.GetValue<int>()));
        }
        Assert.Equal(JobStates.Done, status["state"]!.GetValue<string>());
        Assert.Equal(1.0, status["progress"]!.GetValue<double>());
        Assert.Equal(status["totalRows"]!.GetValue<int>(), status["processedRows"]!.GetValue<int>());
        return status;
    }

    private static async Task<byte[]> Download(ApiClient client, JsonNode status)
    {
        var response = await client.GetAsync(status["downloadUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("%E7%BD%91%E7%BB%9C%E4%BA%BA%E5%A3%AB_", response.Content.Headers.ContentDisposition!.ToString()); // 网络人士_
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<byte[]> Export(string user, string query)
    {
        var client = await app.As(user);
        return await Download(client, await RunExport(client, query));
    }

    private static string Tag(string tag) => "tag=" + Uri.EscapeDataString(tag);

    [Fact]
    public async Task The_filter_is_described_in_the_list_pages_words()
    {
        var tag = Unique("描述");
        await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510503", tags = new[] { tag }, category = "anchor" });
        var client = await app.As("staff_city");
        var status = await RunExport(client, Tag(tag) + "&q=" + Uri.EscapeDataString("张") + "&category=anchor&regionCode=510503&followerTier=10k&status=active");
        Assert.Equal($"关键词：“张”；地区：四川省泸州市纳溪区；类别：主播；粉丝量级：1万以上；标签：{tag}；状态：在库", status["description"]!.GetValue<string>());
        Assert.Equal($"标签：{tag}；状态：全部", (await RunExport(client, Tag(tag) + "&status=all"))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_is_masked_and_neutralized_and_reimports_cleanly()
    {
        var tag = Unique("导出");
        var id = IdNumber();
        var figure = await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510503", idNumber = id, phone = "13912345678", tags = new[] { tag }, category = "anchor" });
        var client = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/figures/{figure}/accounts", new { platform = "douyin", handle = "=SUM(1)", followers = 5000 })).StatusCode);
        await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510502", tags = new[] { tag } }); // no id, phone or account

        var status = await RunExport(client, Tag(tag));
        Assert.Equal(2, status["totalRows"]!.GetValue<int>());
        var rows = Read(await Download(client, status));
        Assert.Equal(3, rows.Count);
        var header = rows[0].Values.Select(v => v?.ToString()).ToList();
        var row = rows.Skip(1).Single(r => r[Col(header, "身份证号")] is not null);
        Assert.Equal(id[..6] + "********" + id[^4..], row[Col(header, "身份证号")]);
        Assert.Equal("139****5678", row[Col(header, "手机")]);
        Assert.Equal("'=SUM(1)", row[Col(header, "账号")]);
        Assert.Equal("四川省泸州市纳溪区", row[Col(header, "所属地区")]);
        Assert.Equal("主播", row[Col(header, "人士类别")]);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(id[6..14]) == true); // never decrypted

        var before = await app.WithDb((db, _) => db.Figures.CountAsync());
        var report = await Import(client, await Download(client, status));
        Assert.Empty(Errors(report));
        Assert.Equal(0, report["created"]!.GetValue<int>());
        Assert.Equal(2, report["unchanged"]!.GetValue<int>());
        Assert.Equal(before, await app.WithDb((db, _) => db.Figures.CountAsync()));

        // Start and each download are audited, as the requester, with the filter (and the count once known).
        var audit = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.Action.StartsWith("export") && a.Summary!.Contains(tag)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["export", "export-download", "export-download"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("staff_city", a.UserName));
        Assert.Contains("开始导出", audit[0].Summary);
        Assert.Contains("2 条", audit[1].Summary);
    }

    [Fact]
    public async Task The_job_runs_with_the_requesters_scope_and_only_they_see_it()
    {
        var tag = Unique("范围");
        await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510502", tags = new[] { tag } });
        await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510503", tags = new[] { tag } });
        var city = await app.As("staff_city");
        var cityJob = await RunExport(city, Tag(tag));
        Assert.Equal(3, Read(await Download(city, cityJob)).Count);

        // The worker has no HttpContext: the scope captured at request time decides what is written.
        Assert.Equal(2, Read(await Export("staff_jy", Tag(tag))).Count); // 江阳区: its own figure only
        var other = await app.As("staff_cd");
        var otherJob = await RunExport(other, Tag(tag));
        Assert.Equal(0, otherJob["totalRows"]!.GetValue<int>());
        Assert.Single(Read(await Download(other, otherJob))); // the header row only

        // Another region's user, a user within the region, and another user of the same region see neither the job nor its file.
        var id = cityJob["id"]!.GetValue<string>();
        foreach (var client in new[] { other, await app.As("staff_jy"), await app.As("admin_city") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/export-jobs/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/export-jobs/{id}/file")).StatusCode);
            Assert.DoesNotContain((await client.GetJson("/api/export-jobs")).AsArray(), j => j!["id"]!.GetValue<string>() == id);
        }
        Assert.Contains((await city.GetJson("/api/export-jobs")).AsArray(), j => j!["id"]!.GetValue<string>() == id);

        var leader = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/figures/export-jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/export-jobs/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_before_a_job_exists()
    {
        var client = await app.As("staff_city");
        var outside = await ApiClient.ReadJson(await client.PostAsync("/api/figures/export-jobs?regionCode=510104"), HttpStatusCode.BadRequest);
        Assert.NotNull(outside["errors"]!["regionCode"]);
        await ApiClient.ReadJson(await client.PostAsync("/api/figures/export-jobs?followerTier=huge"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_file_is_purged_after_a_week()
    {
        var tag = Unique("清理");
        await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510502", tags = new[] { tag } });
        var client = await app.As("staff_city");
        var status = await RunExport(client, Tag(tag));
        var id = Guid.Parse(status["id"]!.GetValue<string>());
        var token = await app.WithDb((db, _) => db.ExportJobs.Where(j => j.Id == id).Select(j => j.FileToken).SingleAsync());
        var file = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files", "exports"), token + ".xlsx", SearchOption.AllDirectories).Single();

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-8));
        await app.WithDb(async (_, sp) =>
            await sp.GetServices<IRecurringJob>().OfType<ImportFilesPurgeJob>().Single().RunAsync(sp, CancellationToken.None));
        Assert.False(File.Exists(file));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/export-jobs/{id}/file")).StatusCode);

        // A job older than a week offers no download any more, whatever the file store still holds.
        await app.WithDb((db, _) => db.ExportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.FinishedAt, DateTime.UtcNow.AddDays(-8))));
        Assert.Null((await client.GetJson($"/api/export-jobs/{id}"))["downloadUrl"]);
    }

    private static string Col(List<string?> header, string name) => ((char)('A' + header.IndexOf(name))).ToString();
}

public sealed class ExportJobTestsOnSqlite(SqliteApp app) : ExportJobTests(app), IClassFixture<SqliteApp>;
public sealed class ExportJobTestsOnPostgres(PostgresApp app) : ExportJobTests(app), IClassFixture<PostgresApp>;
