using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.ScaleOut;

/// <summary>
/// Two server processes on different ports against one PostgreSQL database (sharing one data folder, as
/// servers share a network folder for keys and files): a user signed in on one continues on the other
/// (cookies and anti-forgery tokens rest on data-protection keys in the database); a recurring job runs
/// once; an import started on one shows its progress on the other, and so does an export, downloaded from the other.
/// </summary>
public sealed class TwoServerTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tongxin-2srv-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _database = "tx2_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<Process> _servers = [];
    private string _connection = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _connection = await Templates.PostgresCopy(_database);
    }

    private async Task<string> StartServer(params string[] settings)
    {
        var port = PostgresServer.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Tongxin.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _data };
        foreach (var a in new[] { dll, "serve", "--Tongxin:Database=postgres", $"--ConnectionStrings:Tongxin={_connection}",
                     $"--Tongxin:DataDirectory={_data}", "--Tongxin:SeedDemoOnFirstStart=true", $"--urls=http://127.0.0.1:{port}" }.Concat(settings))
            psi.ArgumentList.Add(a);
        psi.Environment["TONGXIN_ADMIN_PASSWORD"] = TestApp.AdminPassword;
        var p = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _servers.Add(p);
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(90))
        {
            try { if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return url; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (p.HasExited) { lock (log) Assert.Fail("a server exited during start-up:\n" + log); }
            await Task.Delay(100);
        }
        throw new TimeoutException("server did not start");
    }

    /// <summary>One browser (one cookie jar) talking to both servers, as behind a load balancer.</summary>
    private sealed class Browser(string[] urls) : IDisposable
    {
        private readonly CookieContainer _jar = new();
        private readonly Dictionary<int, HttpClient> _clients = new();

        public HttpClient Server(int i)
        {
            if (!_clients.TryGetValue(i, out var client))
                _clients[i] = client = new HttpClient(new HttpClientHandler { CookieContainer = _jar }) { BaseAddress = new Uri(urls[i]) };
            return client;
        }

        public async Task SignIn(int server, string user)
        {
            var login = await Server(server).PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Tongxin-Demo-2026" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            // Cookies are per host:port; carry them across as a browser behind one load balancer would.
            foreach (Cookie c in _jar.GetCookies(new Uri(urls[server])))
                foreach (var u in urls) _jar.Add(new Uri(u), new Cookie(c.Name, c.Value, "/"));
        }

        public Task<HttpResponseMessage> Post(int server, string path, HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("X-XSRF-TOKEN", _jar.GetCookies(new Uri(urls[server]))["XSRF-TOKEN"]!.Value);
            return Server(server).SendAsync(request);
        }

        /// <summary>A client for one server holding a copy of this browser's cookies (as a thief would take them).</summary>
        public HttpClient Copy(int server)
        {
            var jar = new CookieContainer();
            foreach (Cookie c in _jar.GetCookies(new Uri(urls[server]))) jar.Add(new Uri(urls[server]), new Cookie(c.Name, c.Value, "/"));
            var client = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(urls[server]) };
            _clients[-1 - _clients.Count] = client;
            return client;
        }

        public void Dispose()
        {
            foreach (var c in _clients.Values) c.Dispose();
        }
    }

    [Fact]
    public async Task A_user_signed_in_on_one_server_continues_on_the_other()
    {
        // Both start at once: start-up preparation (migrations, first admin, demo data) runs under a lock.
        var urls = await Task.WhenAll(StartServer(), StartServer());
        using var browser = new Browser(urls);
        await browser.SignIn(0, "staff");

        Assert.Equal(HttpStatusCode.OK, (await browser.Server(1).GetAsync("/api/me")).StatusCode);
        var create = await browser.Post(1, "/api/figures", JsonContent.Create(new { name = "双服务器", regionCode = "510500" }));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var list = await browser.Server(0).GetFromJsonAsync<JsonObject>("/api/figures?q=" + Uri.EscapeDataString("双服务器"));
        Assert.Equal(1, list!["total"]!.GetValue<int>());
        // Exactly one administrator and one set of demo data although two servers prepared the database.
        var all = await browser.Server(0).GetFromJsonAsync<JsonObject>("/api/figures?pageSize=1");
        Assert.True(all!["total"]!.GetValue<int>() is > 300 and < 400);
    }

    [Fact]
    public async Task A_sign_out_on_one_server_ends_a_copied_cookie_on_the_other_within_the_check_interval()
    {
        // Each server checks a session's security stamp against the database at most every 2 s here (30 s by default).
        var urls = await Task.WhenAll(StartServer("--Tongxin:SessionCheckSeconds=2"), StartServer("--Tongxin:SessionCheckSeconds=2"));
        using var browser = new Browser(urls);
        await browser.SignIn(0, "staff");
        var here = browser.Copy(0);
        var there = browser.Copy(1);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/me")).StatusCode); // server 1 now holds the stamp

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Post(0, "/api/auth/logout", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("/api/me")).StatusCode); // at once on the same server
        var sw = Stopwatch.StartNew();
        while ((await there.GetAsync("/api/me")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), "the other server still accepts the cookie");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Background_work_runs_once_and_shows_on_either_server()
    {
        // Three audit lines past the retention, so that a purge has something to count.
        await Sql("""INSERT INTO "AuditEntries" ("At", "Action", "Summary") SELECT now() - interval '200 days', 'test', 'old ' || g FROM generate_series(1, 3) g""");
        var urls = await Task.WhenAll(StartServer("--Tongxin:Audit:PurgeAfterDays=186"), StartServer("--Tongxin:Audit:PurgeAfterDays=186"));

        // The daily purge: both servers start its runner at once; exactly one runs it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Scalar("""SELECT count(*) FROM "JobRuns" WHERE "Name" = 'audit-purge' AND "FinishedAt" IS NOT NULL""") == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        await Task.Delay(1000); // time for a second run, if the claim did not hold
        Assert.Equal(1, await Scalar("""SELECT count(*) FROM "JobRuns" WHERE "Name" = 'audit-purge'"""));
        Assert.Equal(1, await Scalar("""SELECT count(*) FROM "AuditEntries" WHERE "Action" = 'audit-purge'"""));
        Assert.Equal(1, await Scalar("""SELECT count(*) FROM "AuditEntries" WHERE "Action" = 'audit-purge' AND "Summary" = '清理186天前的日志 3 条'"""));
        Assert.Equal(0, await Scalar("""SELECT count(*) FROM "AuditEntries" WHERE "Summary" LIKE 'old %'"""));

        // An import large enough to run as a job, started on server 0 and followed on server 1.
        using var browser = new Browser(urls);
        await browser.SignIn(0, "staff");
        var before = await Total(browser.Server(1));
        const int rows = 5_200;
        var file = new WorkbookBuilder().Row("姓名", "所属地区", "平台", "账号", "粉丝数")
            .Rows(Enumerable.Range(0, rows).Select(i => new object?[] { ImportKit.Name(), "江阳区", "抖音", $"twosrv_{i}", 1000 + i }))
            .Build();
        var upload = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.Add(bytes, "file", "人士.xlsx");
        var accepted = await browser.Post(0, "/api/figures/import?mode=commit", upload);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobId = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!.GetValue<string>();

        var seen = new List<(string State, int Rows)>();
        deadline = DateTime.UtcNow.AddSeconds(120);
        JsonObject status;
        do
        {
            status = (await browser.Server(1).GetFromJsonAsync<JsonObject>($"/api/import-jobs/{jobId}"))!;
            seen.Add((status["state"]!.GetValue<string>(), status["processedRows"]!.GetValue<int>()));
            Assert.Equal(rows, status["totalRows"]!.GetValue<int>());
            await Task.Delay(50);
        } while (seen[^1].State is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal(("done", rows), seen[^1]);
        Assert.Contains(seen, s => s.State is "queued" or "running"); // server 1 saw the job before it finished
        Assert.True(seen.Select(s => s.Rows).SequenceEqual(seen.Select(s => s.Rows).Order()), "progress never goes back");
        Assert.Equal(rows, status["report"]!["created"]!.GetValue<int>());
        Assert.Equal(1, await Scalar("""SELECT count(*) FROM "ImportJobs" WHERE "State" = 'done'"""));
        Assert.Equal(rows, await Scalar("""SELECT count(*) FROM "PlatformAccounts" WHERE "Handle" LIKE 'twosrv\_%'"""));
        Assert.Equal(before + rows, await Total(browser.Server(1)));

        // An export of the 江阳区 figures started on server 1, followed and downloaded on server 0 (one shared file store).
        var expected = await Total(browser.Server(0), "&regionCode=510502");
        var started = await browser.Post(1, "/api/figures/export-jobs?regionCode=510502", new StringContent(""));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var exportId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        deadline = DateTime.UtcNow.AddSeconds(120);
        do
        {
            await Task.Delay(100);
            status = (await browser.Server(0).GetFromJsonAsync<JsonObject>($"/api/export-jobs/{exportId}"))!;
        } while (status["state"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", status["state"]!.GetValue<string>());
        Assert.Equal(expected, status["totalRows"]!.GetValue<int>());
        var workbook = await browser.Server(0).GetByteArrayAsync(status["downloadUrl"]!.GetValue<string>());
        Assert.Equal(expected + 1, ImportKit.Read(workbook).Count);
        Assert.Equal(1, await Scalar("""SELECT count(*) FROM "ExportJobs" WHERE "State" = 'done'"""));
    }

    private static async Task<int> Total(HttpClient server, string filter = "") =>
        (await server.GetFromJsonAsync<JsonObject>("/api/figures?pageSize=1" + filter))!["total"]!.GetValue<int>();

    private async Task Sql(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_connection);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_connection);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _servers)
        {
            try { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        await using var conn = new Npgsql.NpgsqlConnection(PostgresServer.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
