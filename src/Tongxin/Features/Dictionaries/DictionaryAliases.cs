using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;

namespace Tongxin.Features.Dictionaries;

/// <summary>The rule for aliases of one code list: each word (code, label or alias) names at most one item.</summary>
public static class DictionaryAliases
{
    public const int MaxPerItem = 30;
    public const int MaxLength = 50;

    /// <summary>Trimmed, width-folded, blank and repeated aliases (and the item's own code or label) dropped.</summary>
    public static List<string> Clean(IEnumerable<string>? aliases, string code, string label)
    {
        var own = new HashSet<string> { DictionaryItem.KeyOf(code), DictionaryItem.KeyOf(label) };
        var result = new List<string>();
        foreach (var a in aliases ?? [])
        {
            var t = ChineseText.Normalize(a);
            if (t.Length > 0 && own.Add(DictionaryItem.KeyOf(t))) result.Add(t);
        }
        return result;
    }

    /// <summary>The first word that two items of the list share, as (word, first item's label, second item's label).</summary>
    public static (string Word, string First, string Second)? Conflict(IEnumerable<(string Code, string Label, IReadOnlyList<string> Aliases)> items)
    {
        var owner = new Dictionary<string, (string Code, string Label)>();
        foreach (var (code, label, aliases) in items)
            foreach (var word in aliases.Prepend(label).Prepend(code))
            {
                var key = DictionaryItem.KeyOf(word);
                if (owner.TryGetValue(key, out var o) && o.Code != code) return (word, o.Label, label);
                owner[key] = (code, label);
            }
        return null;
    }
}
