using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Common.Dictionaries;

/// <summary>Dictionary look-ups for one unit of work: code or label in, code out; labels for output.</summary>
public sealed class DictionaryCodes(TongxinDb db)
{
    private Dictionary<string, List<(string Code, string Label, bool Enabled)>>? _items;

    private Dictionary<string, List<(string Code, string Label, bool Enabled)>> Items => _items ??=
        db.DictionaryItems.AsNoTracking().ToList().GroupBy(d => d.Type)
            .ToDictionary(g => g.Key, g => g.Select(d => (d.Code, d.Label, d.IsEnabled)).ToList());

    /// <summary>Loads the dictionary now, e.g. before a streamed read holds the connection (PostgreSQL allows one reader).</summary>
    public DictionaryCodes Loaded()
    {
        _ = Items;
        return this;
    }

    public string? Resolve(string type, string value)
    {
        if (!Items.TryGetValue(type, out var list)) return null;
        foreach (var (code, label, enabled) in list)
            if (enabled && (string.Equals(code, value, StringComparison.OrdinalIgnoreCase) || label == value)) return code;
        return null;
    }

    public string Label(string type, string? code)
    {
        if (code is null) return "";
        return Items.TryGetValue(type, out var list) ? list.FirstOrDefault(i => i.Code == code).Label ?? code : code;
    }
}
