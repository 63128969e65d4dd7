using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongxin.Bench;

/// <summary>
/// HTTP load from a separate process: Debian's wrk on 127.0.0.1, a URL mix rotated by a small Lua script,
/// bounded in time. Its latency distribution gives p50 and p99.
/// </summary>
public static partial class Wrk
{
    public sealed record Result(double P50Ms, double P99Ms, double PerSecond, long Errors);

    public static async Task<Result> RunAsync(string baseUrl, IReadOnlyList<string> paths, string cookie, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"tongxin-wrk-{Guid.NewGuid():N}.lua");
        var list = string.Join(",\n", paths.Select(p => "  \"" + p.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
        await File.WriteAllTextAsync(script, $$"""
            local paths = {
            {{list}}
            }
            local i = 0
            wrk.headers["Cookie"] = "{{cookie}}"
            request = function()
              i = i + 1
              return wrk.format("GET", paths[(i % #paths) + 1])
            end
            """);
        try
        {
            var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{(int)Math.Max(1, duration.TotalSeconds)}s", "--latency", "--timeout", "10s", "-s", script, baseUrl })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            if (p.ExitCode != 0) throw new InvalidOperationException("wrk failed: " + await p.StandardError.ReadToEndAsync());
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static Result Parse(string output)
    {
        double Ms(string pct)
        {
            var m = Regex.Match(output, $@"^\s*{pct}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return 0;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }
        var rps = RequestsPerSecond().Match(output);
        var errors = NonSuccess().Match(output);
        var socketErrors = SocketErrors().Match(output);
        return new Result(Ms("50"), Ms("99"),
            rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            (errors.Success ? long.Parse(errors.Groups[1].Value) : 0) + (socketErrors.Success ? 1 : 0));
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors:.*timeout [1-9]")]
    private static partial Regex SocketErrors();
}
