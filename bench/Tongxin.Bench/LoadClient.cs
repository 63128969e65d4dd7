using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Tongxin.Bench;

/// <summary>A signed-in HTTP client and a bounded closed-loop load generator (loopback only).</summary>
public sealed class LoadClient
{
    public HttpClient Http { get; }
    private readonly CookieContainer _cookies = new();

    public LoadClient(string baseUrl)
    {
        var handler = new SocketsHttpHandler { CookieContainer = _cookies, MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        Http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(30) }; // a million-row export takes minutes
    }

    /// <summary>The session cookies as one Cookie header, for an external load generator.</summary>
    public string CookieHeader => string.Join("; ", _cookies.GetCookies(Http.BaseAddress!).Select(c => $"{c.Name}={c.Value}"));

    public async Task<TimeSpan> SignInAsync(string user, string password)
    {
        var sw = Stopwatch.StartNew();
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {user} failed: {(int)response.StatusCode}");
        var xsrf = _cookies.GetCookies(Http.BaseAddress!)["XSRF-TOKEN"]?.Value;
        if (xsrf is not null) Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", xsrf);
        return sw.Elapsed;
    }

    public sealed record LoadResult(List<double> LatenciesMs, double Seconds, int Errors)
    {
        public double PerSecond => LatenciesMs.Count / Seconds;
    }

    /// <summary>
    /// <paramref name="concurrency"/> workers send requests back to back; the first <paramref name="warmup"/> is
    /// not recorded; the run stops by itself after warmup + measure.
    /// </summary>
    public static async Task<LoadResult> RunAsync(Func<int, Task<HttpResponseMessage>> request, int concurrency, TimeSpan warmup, TimeSpan measure)
    {
        var all = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var start = warmup;
        var end = warmup + measure;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = all[w] = new List<double>();
            var i = w;
            while (clock.Elapsed < end)
            {
                var t0 = clock.Elapsed;
                using var response = await request(i++);
                await response.Content.ReadAsByteArrayAsync();
                var t1 = clock.Elapsed;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                else if (t0 >= start) mine.Add((t1 - t0).TotalMilliseconds);
            }
        }));
        var latencies = all.SelectMany(x => x).ToList();
        latencies.Sort();
        return new LoadResult(latencies, measure.TotalSeconds, errors);
    }
}
