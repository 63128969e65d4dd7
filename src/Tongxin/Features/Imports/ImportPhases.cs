using System.Diagnostics;
using System.Text;

namespace Tongxin.Features.Imports;

/// <summary>
/// Where an import's time goes, phase by phase (reading, validating, matching, writing…): each
/// <see cref="Lap"/> books the time since the previous one to a phase. Logged at Debug when the import ends.
/// </summary>
public sealed class ImportPhases
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _spent = new();
    private readonly List<string> _order = [];
    private TimeSpan _last;

    /// <summary>Books the time since the previous lap (or the start) to <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        var now = _watch.Elapsed;
        if (!_spent.TryGetValue(phase, out var spent)) _order.Add(phase);
        _spent[phase] = spent + (now - _last);
        _last = now;
    }

    public TimeSpan Total => _watch.Elapsed;

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var phase in _order) text.Append(phase).Append(' ').Append((long)_spent[phase].TotalMilliseconds).Append(" ms, ");
        return text.Append("total ").Append((long)Total.TotalMilliseconds).Append(" ms").ToString();
    }
}
