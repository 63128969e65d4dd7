using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Scope;

namespace Tongxin.Bench;

/// <summary>End-to-end scenarios against a real server process: search mix, profile, dashboard, sign-in, start-up.</summary>
public static class HttpScenarios
{
    public static async Task RunAsync(BenchConfig config, Report report, string serverDll, bool smoke, string? only = null)
    {
        bool Runs(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
        var (warmup, measure) = smoke ? (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)) : (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        await using var server = await ServerProcess.StartAsync(serverDll, config);
        await Task.Delay(smoke ? 200 : 2000);
        var (idle, _) = server.Memory();
        report.Add(new Measurement("cold start to serving", config.Provider, server.ColdStart.TotalMilliseconds, server.ColdStart.TotalMilliseconds, 0, idle,
            null, "start < 3 s, idle < 200 MB", server.ColdStart < TimeSpan.FromSeconds(3) && idle < 200, $"idle RSS {idle} MB"));

        var client = new LoadClient(server.BaseUrl);
        await client.SignInAsync("bench_city", Generator.UserPassword);
        var cookie = client.CookieHeader;

        if (Runs("HTTP search mix"))
        {
            var urls = SearchMix.For(DataLayerScenarios.Users[0].SubRegion).Select(m => "/api/figures?" + Query(m.Filter)).ToArray();
            await Wrk.RunAsync(server.BaseUrl, urls, cookie, 16, warmup);
            // 4 clients searching back to back is more than an office's staff do; 16 saturate both cores, where
            // latency is queueing (Little's law: 16 / throughput), so that run reports throughput and is not judged.
            var office = await Wrk.RunAsync(server.BaseUrl, urls, cookie, 4, measure);
            Add(report, config, "HTTP search mix, 4 clients, first page", office, "p99 < 50 ms", office.P99Ms < 50);
            var search = await Wrk.RunAsync(server.BaseUrl, urls, cookie, 16, measure);
            Add(report, config, "HTTP search mix, 16 clients, first page", search, null, null);
            // The province user over the whole mix (the widest scope: every figure).
            var provinceUser = new LoadClient(server.BaseUrl);
            await provinceUser.SignInAsync("bench_province", Generator.UserPassword);
            var provinceUrls = SearchMix.For(DataLayerScenarios.Users[1].SubRegion).Select(m => "/api/figures?" + Query(m.Filter)).ToArray();
            await Wrk.RunAsync(server.BaseUrl, provinceUrls, provinceUser.CookieHeader, 4, warmup);
            var provinceRun = await Wrk.RunAsync(server.BaseUrl, provinceUrls, provinceUser.CookieHeader, 4, measure);
            Add(report, config, "HTTP search mix, province user, 4 clients, first page", provinceRun, "p99 < 50 ms", provinceRun.P99Ms < 50);
            var deep = SearchMix.Classic.Select(m => "/api/figures?" + Query(m.Filter) + "&page=50").ToArray();
            var deepRun = await Wrk.RunAsync(server.BaseUrl, deep, cookie, 16, measure);
            Add(report, config, "HTTP search mix, 16 clients, page 50", deepRun, null, null);
        }
        if (Runs("HTTP profile page"))
        {
            long[] ids;
            await using (var db = DataLayerScenarios.Open(config, new FixedScope(RegionRange.ForPrefix(DataLayerScenarios.CityPrefix))))
                ids = await db.Figures.OrderBy(f => f.Id).Select(f => f.Id).Take(500).ToArrayAsync();
            var profilePaths = ids.Select(id => $"/api/figures/{id}").ToArray();
            await Wrk.RunAsync(server.BaseUrl, profilePaths, cookie, 16, warmup);
            var profile = await Wrk.RunAsync(server.BaseUrl, profilePaths, cookie, 16, measure);
            Add(report, config, "HTTP profile page, 16 clients", profile, "3,000 req/s", profile.PerSecond >= 3000);
        }
        if (Runs(NoticeFanOutScenario.Label)) await NoticeFanOutScenario.RunAsync(config, report, client, smoke);
        if (only is not null)
        {
            // "import" alone runs the two imports without the export (repeated import experiments).
            if (Runs("import 100,000 rows from Excel")) await ImportAndExport(config, report, server, smoke, withExport: false);
            if (Runs(ExportLabel)) await ExportAll(config, report, server);
            return;
        }

        var dashboard = await Wrk.RunAsync(server.BaseUrl, ["/api/dashboard"], cookie, 1, measure);
        Add(report, config, "HTTP dashboard aggregates", dashboard, "< 200 ms", dashboard.P99Ms < 200);
        // The widest view: a province user's dashboard covers every figure.
        var province = new LoadClient(server.BaseUrl);
        await province.SignInAsync("bench_province", Generator.UserPassword);
        var provinceDashboard = await Wrk.RunAsync(server.BaseUrl, ["/api/dashboard"], province.CookieHeader, 1, measure);
        Add(report, config, "HTTP dashboard aggregates, province user", provinceDashboard, "< 200 ms", provinceDashboard.P99Ms < 200);

        var signIns = Generator.BenchUsers.Where(u => u.Name.StartsWith("bench_signin")).Select(u => u.Name).ToArray();
        var signIn = await LoadClient.RunAsync(async i =>
        {
            var c = new LoadClient(server.BaseUrl);
            return await c.Http.PostAsJsonAsync("/api/auth/login", new { userName = signIns[i % signIns.Length], password = Generator.UserPassword });
        }, 2, warmup, measure);
        Add(report, config, "HTTP sign-in (PBKDF2 210k), 2 clients", signIn, null, null);

        try
        {
            await ImportAndExport(config, report, server, smoke);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            report.Add(new Measurement("import/export", config.Provider, 0, 0, 0, null, null, null, false, "errors: " + e.Message));
        }
        var (_, peak) = server.Memory();
        report.Add(new Measurement("server peak memory over the run", config.Provider, 0, 0, 0, peak, null, null, null));
    }

    /// <summary>
    /// Import through the API (a background job for large files) at two sizes, so that memory growth between
    /// them shows whether it stays flat; then a province-wide export as a background job, its file downloaded to nowhere.
    /// </summary>
    private static async Task ImportAndExport(BenchConfig config, Report report, ServerProcess server, bool smoke, bool withExport = true)
    {
        var client = new LoadClient(server.BaseUrl);
        await client.SignInAsync("bench_province", Generator.UserPassword);
        long? smallPeak = null;
        // The two files share their first 10,000 people (the larger import's updates). BENCH_IMPORT_EPOCH=n gives a
        // reused dataset people it has not imported yet, so that the floor can be measured again.
        var seed = 11;
        var epoch = int.Parse(Environment.GetEnvironmentVariable("BENCH_IMPORT_EPOCH") ?? "0");
        foreach (var rows in smoke ? new[] { 1_000, 6_000 } : new[] { 10_000, 100_000 })
        {
            var file = Path.Combine(Path.GetTempPath(), $"tongxin-import-{rows}-{Guid.NewGuid():N}.xlsx");
            ImportFile.Write(file, rows, seed++, epoch);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            using var content = new MultipartFormDataContent();
            var bytes = await File.ReadAllBytesAsync(file);
            File.Delete(file);
            content.Add(new ByteArrayContent(bytes), "file", "bench.xlsx");
            var response = await client.Http.PostAsync("/api/figures/import?mode=commit", content);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            var committed = body?["committed"]?.GetValue<bool>();
            string? error = null;
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                var job = body!["jobId"]!.ToString();
                while (true)
                {
                    await Task.Delay(250);
                    var state = await client.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/import-jobs/{job}");
                    var s = state!["state"]!.GetValue<string>();
                    if (s is "done" or "succeeded") { committed = state["report"]?["committed"]?.GetValue<bool>(); break; }
                    if (s == "failed") { error = state["error"]?.ToString() ?? "failed"; break; }
                    if (sw.Elapsed > TimeSpan.FromMinutes(30)) { error = "timed out"; break; }
                }
            }
            else if (!response.IsSuccessStatusCode) error = $"HTTP {(int)response.StatusCode}";
            if (committed != true && error is null) error = "not committed: " + body?.ToJsonString()[..Math.Min(300, body.ToJsonString().Length)];
            var seconds = sw.Elapsed.TotalSeconds;
            var (_, peak) = server.Memory();
            var growth = smallPeak is { } small ? peak - small : (long?)null;
            smallPeak ??= peak;
            // The larger import is compared with its raw-SQL counterpart (ImportFloor), measured right after it on the same data.
            ImportFloor.Result? floor = null;
            if (error is null && growth is not null) floor = await ImportFloor.MeasureLatestAsync(config);
            if (floor is { Figures: 0 }) floor = null; // a re-import of a reused dataset adds no figures: nothing to compare
            report.Add(new Measurement($"import {rows:N0} rows from Excel (API, commit)", config.Provider, seconds * 1000, seconds * 1000, rows / seconds,
                peak, floor is null ? null : seconds / floor.Elapsed.TotalSeconds, "20,000 rows/s; <50 MB growth 10k→100k",
                error is null ? rows / seconds >= 20_000 && (growth is null || growth < 50) : false,
                error ?? (growth is { } g ? $"peak grew {g} MB from the smaller import" : null)));
            if (floor is not null)
            {
                var floorSeconds = floor.Elapsed.TotalSeconds;
                report.Add(new Measurement("import floor: its new rows as raw INSERT … SELECT", config.Provider, floorSeconds * 1000, floorSeconds * 1000,
                    floor.Figures / floorSeconds, null, null, null, null,
                    $"{floor.Figures:N0} new figures, rolled back; no updates, no commit; {floor.Summary}"));
            }
        }

        if (withExport) await ExportAll(config, report, server);
    }

    private const string ExportLabel = "export all figures to Excel (province user)";

    /// <summary>A province-wide export: a background job started, polled for its progress, and its file downloaded.</summary>
    private static async Task ExportAll(BenchConfig config, Report report, ServerProcess server)
    {
        var client = new LoadClient(server.BaseUrl);
        await client.SignInAsync("bench_province", Generator.UserPassword);
        // Start the job, poll its progress (as the page does), then download the finished file.
        var exportWatch = System.Diagnostics.Stopwatch.StartNew();
        string? exportError = null;
        long bytesRead = 0;
        int exportedRows = 0, polls = 0;
        var start = await client.Http.PostAsync("/api/figures/export-jobs?status=all", null);
        var exportJob = start.IsSuccessStatusCode ? await start.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>() : null;
        if (exportJob is null) exportError = $"HTTP {(int)start.StatusCode}";
        while (exportJob is not null && exportJob["state"]!.GetValue<string>() is "queued" or "running")
        {
            if (exportWatch.Elapsed > TimeSpan.FromMinutes(30)) { exportError = "timed out"; break; }
            await Task.Delay(500);
            exportJob = await client.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/export-jobs/{exportJob["id"]}");
            polls++;
        }
        if (exportError is null && exportJob!["state"]!.GetValue<string>() != "done") exportError = exportJob["error"]?.ToString() ?? "failed";
        var jobSeconds = exportWatch.Elapsed.TotalSeconds;
        if (exportError is null)
        {
            exportedRows = exportJob!["totalRows"]!.GetValue<int>();
            using var file = await client.Http.GetAsync(exportJob["downloadUrl"]!.GetValue<string>(), HttpCompletionOption.ResponseHeadersRead);
            if (!file.IsSuccessStatusCode) exportError = $"download HTTP {(int)file.StatusCode}";
            await using var stream = await file.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) bytesRead += n;
        }
        var (_, exportPeak) = server.Memory();
        var exportSeconds = exportWatch.Elapsed.TotalSeconds;
        report.Add(new Measurement(ExportLabel, config.Provider, exportSeconds * 1000,
            exportSeconds * 1000, exportedRows / Math.Max(0.001, jobSeconds), exportPeak, null, "peak < 500 MB at 1M rows",
            exportError is null && exportPeak < 500,
            exportError ?? $"background job: {exportedRows:N0} rows, {bytesRead / 1024 / 1024} MB file; job {jobSeconds:F1} s ({polls} progress polls), download {exportSeconds - jobSeconds:F1} s"));
    }

    private static void Add(Report report, BenchConfig config, string name, Wrk.Result r, string? budget, bool? met) =>
        report.Add(new Measurement(name, config.Provider, r.P50Ms, r.P99Ms, r.PerSecond, null, null, budget, met is null ? null : met.Value && r.Errors == 0,
            r.Errors > 0 ? $"{r.Errors} errors" : null));

    private static void Add(Report report, BenchConfig config, string name, LoadClient.LoadResult r, string? budget, bool? met) =>
        report.Add(new Measurement(name, config.Provider, Report.Percentile(r.LatenciesMs, 0.5), Report.Percentile(r.LatenciesMs, 0.99), r.PerSecond, null,
            null, budget, met, r.Errors > 0 ? $"{r.Errors} errors" : null));

    private static string Query(Tongxin.Features.Figures.FigureFilter f)
    {
        var parts = new List<string>();
        void Add(string k, string? v) { if (!string.IsNullOrEmpty(v)) parts.Add($"{k}={Uri.EscapeDataString(v)}"); }
        Add("q", f.Q); Add("regionCode", f.RegionCode); Add("category", f.Category); Add("keyLevel", f.KeyLevel); Add("platform", f.Platform);
        Add("followerTier", f.FollowerTier); Add("tag", f.Tag); Add("status", f.Status); Add("sort", f.Sort);
        // Every mix URL carries a parameter, so "&page=50" can be appended to any of them.
        return parts.Count == 0 ? "sort=name" : string.Join("&", parts);
    }
}
