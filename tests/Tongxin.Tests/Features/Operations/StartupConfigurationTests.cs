using System.Diagnostics;

namespace Tongxin.Tests.Features.Operations;

/// <summary>A setting the server cannot start with is one plain line on stderr and exit code 2, never a stack trace.</summary>
public class StartupConfigurationTests
{
    public static TheoryData<string[], string, string> BadSettings => new()
    {
        { ["serve"], "short", "TONGXIN_ADMIN_PASSWORD" },
        { ["serve", "--Tongxin:Database=pg"], "Correct-Horse-Battery-9", "Tongxin:Database" },
        { ["serve", "--Tongxin:Database=postgres"], "Correct-Horse-Battery-9", "ConnectionStrings__Tongxin" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_server_with_one_line_saying_what_to_change(string[] args, string adminPassword, string named)
    {
        var data = Path.Combine(Path.GetTempPath(), "tongxin-cfg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(data);
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = data };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Tongxin.dll") }.Concat(args)
                         .Concat([$"--Tongxin:DataDirectory={data}", "--Tongxin:SeedDemoOnFirstStart=false", "--urls=http://127.0.0.1:0"]))
                psi.ArgumentList.Add(a);
            psi.Environment["TONGXIN_ADMIN_PASSWORD"] = adminPassword;
            psi.Environment.Remove("ConnectionStrings__Tongxin");
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await p.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, p.ExitCode);
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.StartsWith("无法启动", line);
            Assert.Contains(named, line);
            Assert.DoesNotContain("   at ", await stdout + await stderr);
            Assert.DoesNotContain("Exception", await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
