using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Scope;

namespace Tongxin.Bench;

/// <summary>End-to-end scenarios against a real server process: search mix, profile, dashboard, sign-in, start-up.</summary>
public static class HttpScenarios
{
    public static async Task RunAsync(BenchConfig config, Report report, string serverDll, bool smoke)
    {
        var (warmup, measure) = smoke ? (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)) : (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        await using var server = await ServerProcess.StartAsync(serverDll, config);
        await Task.Delay(smoke ? 200 : 2000);
        var (idle, _) = server.Memory();
        report.Add(new Measurement("cold start to serving", config.Provider, server.ColdStart.TotalMilliseconds, server.ColdStart.TotalMilliseconds, 0, idle,
            null, "start < 3 s, idle < 200 MB", server.ColdStart < TimeSpan.FromSeconds(3) && idle < 200, $"idle RSS {idle} MB"));

        var client = new LoadClient(server.BaseUrl);
        await client.SignInAsync("bench_city", Generator.UserPassword);
        var cookie = client.CookieHeader;

        var urls = DataLayerScenarios.SearchMix.Select(m => "/api/figures?" + Query(m.Filter)).ToArray();
        await Wrk.RunAsync(server.BaseUrl, urls, cookie, 16, warmup);
        var search = await Wrk.RunAsync(server.BaseUrl, urls, cookie, 16, measure);
        Add(report, config, "HTTP search mix, 16 clients, first page", search, "p99 < 50 ms", search.P99Ms < 50);
        var deep = urls.Select(u => u + "&page=50").ToArray();
        var deepRun = await Wrk.RunAsync(server.BaseUrl, deep, cookie, 16, measure);
        Add(report, config, "HTTP search mix, 16 clients, page 50", deepRun, null, null);

        long[] ids;
        await using (var db = DataLayerScenarios.Open(config, new FixedScope(RegionRange.ForPrefix("5105"))))
            ids = await db.Figures.OrderBy(f => f.Id).Select(f => f.Id).Take(500).ToArrayAsync();
        var profilePaths = ids.Select(id => $"/api/figures/{id}").ToArray();
        await Wrk.RunAsync(server.BaseUrl, profilePaths, cookie, 16, warmup);
        var profile = await Wrk.RunAsync(server.BaseUrl, profilePaths, cookie, 16, measure);
        Add(report, config, "HTTP profile page, 16 clients", profile, "3,000 req/s", profile.PerSecond >= 3000);

        var dashboard = await Wrk.RunAsync(server.BaseUrl, ["/api/dashboard"], cookie, 1, measure);
        Add(report, config, "HTTP dashboard aggregates", dashboard, "< 200 ms", dashboard.P99Ms < 200);

        var signIns = Generator.BenchUsers.Where(u => u.Name.StartsWith("bench_signin")).Select(u => u.Name).ToArray();
        var signIn = await LoadClient.RunAsync(async i =>
        {
            var c = new LoadClient(server.BaseUrl);
            return await c.Http.PostAsJsonAsync("/api/auth/login", new { userName = signIns[i % signIns.Length], password = Generator.UserPassword });
        }, 2, warmup, measure);
        Add(report, config, "HTTP sign-in (PBKDF2 210k), 2 clients", signIn, null, null);

        var (_, peak) = server.Memory();
        report.Add(new Measurement("server peak memory over the run", config.Provider, 0, 0, 0, peak, null, null, null));
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
        Add("q", f.Q); Add("category", f.Category); Add("keyLevel", f.KeyLevel); Add("platform", f.Platform); Add("followerTier", f.FollowerTier);
        return string.Join("&", parts);
    }
}
