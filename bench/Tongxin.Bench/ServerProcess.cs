using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tongxin.Bench;

/// <summary>A Tongxin server in its own process on a loopback port, measured from outside.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }
    public TimeSpan ColdStart { get; private set; }

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public static async Task<ServerProcess> StartAsync(string serverDll, BenchConfig config)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(serverDll);
        psi.ArgumentList.Add("serve");
        foreach (var a in config.ServerArgs) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // BENCH_SERVER_DEBUG=Some.Namespace shows that namespace's Debug lines (e.g. import phase timings).
        var debug = Environment.GetEnvironmentVariable("BENCH_SERVER_DEBUG");
        if (!string.IsNullOrEmpty(debug)) psi.Environment[$"Serilog__MinimumLevel__Override__{debug}"] = "Debug";
        var sw = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(debug) && e.Data is not null) Console.Error.WriteLine("  [server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if ((await http.GetAsync(server.BaseUrl + "/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (process.HasExited) throw new InvalidOperationException("the server exited during start-up");
            await Task.Delay(20);
        }
        server.ColdStart = sw.Elapsed;
        return server;
    }

    /// <summary>Resident and peak resident memory of the server process, from /proc.</summary>
    public (long RssMb, long PeakMb) Memory()
    {
        long Read(string key)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key + ":"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
