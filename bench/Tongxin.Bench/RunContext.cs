using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Scope;

namespace Tongxin.Bench;

/// <summary>
/// The state a run starts from, written under its table: runs on this kind of machine differ in CPU speed from
/// day to day, and a reused dataset carries earlier runs' imports into the measured city. Both change every
/// figure, so a results file says which it had.
/// </summary>
public static class RunContext
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(BenchConfig config, string cityPrefix = DataLayerScenarios.CityPrefix)
    {
        int cityFigures;
        await using (var db = DataLayerScenarios.Open(config, new FixedScope(RegionRange.ForPrefix(cityPrefix))))
            cityFigures = await db.Figures.CountAsync();
        return
        [
            $"Measured city {cityPrefix}00: {cityFigures:N0} figures in scope at the start (each run's imports add theirs there).",
            $"CPU check: one PBKDF2-HMAC-SHA512 of 210,000 iterations on one thread, median of 5: {CpuCheckMs():F0} ms (lower is faster).",
        ];
    }

    private static double CpuCheckMs()
    {
        var salt = new byte[16];
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            Rfc2898DeriveBytes.Pbkdf2("bench-cpu-check"u8, salt, 210_000, HashAlgorithmName.SHA512, 32);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[2];
    }
}
