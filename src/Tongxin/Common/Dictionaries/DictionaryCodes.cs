using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Common.Dictionaries;

/// <summary>Dictionary look-ups for one unit of work: code, label or alias in, code out; labels for output.</summary>
public sealed class DictionaryCodes(TongxinDb db)
{
    /// <summary>One enabled or disabled item as the look-ups see it.</summary>
    public sealed record Entry(string Code, string Label, bool Enabled, IReadOnlyList<string> Aliases);

    private Dictionary<string, List<Entry>>? _items;
    private Dictionary<string, Dictionary<string, string>>? _keys;

    private Dictionary<string, List<Entry>> Items => _items ??=
        db.DictionaryItems.AsNoTracking().ToList().GroupBy(d => d.Type)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.SortOrder).Select(d => new Entry(d.Code, d.Label, d.IsEnabled, d.Aliases ?? [])).ToList());

    // Per type: normalized code, label or alias → code of an enabled item. Codes win over labels, labels over aliases.
    private Dictionary<string, Dictionary<string, string>> Keys => _keys ??= Items.ToDictionary(kv => kv.Key, kv =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var enabled = kv.Value.Where(e => e.Enabled).ToList();
        foreach (var e in enabled) map.TryAdd(DictionaryItem.KeyOf(e.Code), e.Code);
        foreach (var e in enabled) map.TryAdd(DictionaryItem.KeyOf(e.Label), e.Code);
        foreach (var e in enabled)
            foreach (var a in e.Aliases) map.TryAdd(DictionaryItem.KeyOf(a), e.Code);
        return map;
    });

    /// <summary>Loads the dictionary now, e.g. before a streamed read holds the connection (PostgreSQL allows one reader).</summary>
    public DictionaryCodes Loaded()
    {
        _ = Keys;
        return this;
    }

    /// <summary>The code of the enabled item whose code, label or alias is <paramref name="value"/> (case and width ignored).</summary>
    public string? Resolve(string type, string value) =>
        Keys.TryGetValue(type, out var map) && map.TryGetValue(DictionaryItem.KeyOf(value), out var code) ? code : null;

    /// <summary>The items of one type in display order (none for an unknown type).</summary>
    public IReadOnlyList<Entry> Entries(string type) => Items.TryGetValue(type, out var list) ? list : [];

    /// <summary>Whether <paramref name="code"/> is an enabled item of <paramref name="type"/> (exact code).</summary>
    public bool IsEnabledCode(string type, string code) => Entries(type).Any(e => e.Enabled && e.Code == code);

    public string Label(string type, string? code)
    {
        if (code is null) return "";
        return Items.TryGetValue(type, out var list) ? list.FirstOrDefault(i => i.Code == code)?.Label ?? code : code;
    }
}
