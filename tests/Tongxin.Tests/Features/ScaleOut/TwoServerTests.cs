using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.ScaleOut;

/// <summary>
/// Two server processes on different ports against one PostgreSQL database: a user signed in on one
/// continues on the other (cookies and anti-forgery tokens rest on data-protection keys in the database).
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

    private async Task<string> StartServer()
    {
        var port = PostgresServer.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Tongxin.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _data };
        foreach (var a in new[] { dll, "serve", "--Tongxin:Database=postgres", $"--ConnectionStrings:Tongxin={_connection}",
                     $"--Tongxin:DataDirectory={_data}", "--Tongxin:SeedDemoOnFirstStart=true", $"--urls=http://127.0.0.1:{port}" })
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

    [Fact]
    public async Task A_user_signed_in_on_one_server_continues_on_the_other()
    {
        // Both start at once: start-up preparation (migrations, first admin, demo data) runs under a lock.
        var urls = await Task.WhenAll(StartServer(), StartServer());
        var cookies = new CookieContainer();
        using var a = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(urls[0]) };
        using var b = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(urls[1]) };
        var login = await a.PostAsJsonAsync("/api/auth/login", new { userName = "staff", password = "Tongxin-Demo-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        // Cookies are per host:port; carry them across as a browser behind one load balancer would.
        foreach (Cookie c in cookies.GetCookies(new Uri(urls[0]))) cookies.Add(new Uri(urls[1]), new Cookie(c.Name, c.Value, "/"));

        var me = await b.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var token = cookies.GetCookies(new Uri(urls[1]))["XSRF-TOKEN"]!.Value;
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/figures") { Content = JsonContent.Create(new { name = "双服务器", regionCode = "510500" }) };
        create.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await b.SendAsync(create)).StatusCode);
        var list = await a.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/figures?q=" + Uri.EscapeDataString("双服务器"));
        Assert.Equal(1, list!["total"]!.GetValue<int>());
        // Exactly one administrator and one set of demo data although two servers prepared the database.
        var users = await a.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/figures?pageSize=1");
        Assert.True(users!["total"]!.GetValue<int>() is > 300 and < 400);
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
