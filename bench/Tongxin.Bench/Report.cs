using System.Text;

namespace Tongxin.Bench;

/// <summary>One measured scenario: latency percentiles, throughput, peak memory and the ratio to raw SQL.</summary>
public sealed record Measurement(string Scenario, string Provider, double P50Ms, double P99Ms, double PerSecond, long? PeakMb,
    double? RawSqlRatio, string? Budget, bool? Met, string? Note = null);

public sealed class Report(string scale)
{
    private readonly List<Measurement> _rows = [];
    public IReadOnlyList<Measurement> Rows => _rows;

    /// <summary>Lines on the run's starting state (<see cref="RunContext"/>), written under the scale line.</summary>
    public List<string> Context { get; } = [];

    public void Add(Measurement m)
    {
        _rows.Add(m);
        Console.WriteLine($"  {m.Scenario,-44} {m.Provider,-9} p50 {m.P50Ms,8:F2} ms  p99 {m.P99Ms,8:F2} ms  {m.PerSecond,9:F0}/s"
            + (m.RawSqlRatio is { } r ? $"  x{r:F2} raw" : "") + (m.PeakMb is { } p ? $"  peak {p} MB" : "")
            + (m.Met is { } met ? (met ? "  MET" : "  NOT MET") : "") + (m.Note is null ? "" : "  " + m.Note));
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Scale: {scale}. Machine: {Machine()}. Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        sb.AppendLine();
        foreach (var line in Context) sb.AppendLine(line).AppendLine();
        sb.AppendLine("| scenario | provider | p50 ms | p99 ms | per second | peak MB | ratio to raw SQL | budget | met |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var m in _rows)
            sb.AppendLine($"| {m.Scenario} | {m.Provider} | {m.P50Ms:F2} | {m.P99Ms:F2} | {m.PerSecond:F0} | {m.PeakMb?.ToString() ?? ""} | " +
                          $"{(m.RawSqlRatio is { } r ? r.ToString("F2") : "")} | {m.Budget ?? ""} | {(m.Met is null ? "" : m.Met.Value ? "yes" : "**no**")}{(m.Note is null ? "" : " " + m.Note)} |");
        return sb.ToString();
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memKb = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            : 0;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memKb / 1024 / 1024} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
