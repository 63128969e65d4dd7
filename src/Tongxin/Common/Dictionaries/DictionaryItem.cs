using Tongxin.Common.Domain;
using Tongxin.Common.Text;

namespace Tongxin.Common.Dictionaries;

/// <summary>An entry of an editable code list (字典): categories, platforms, ethnicities…</summary>
public class DictionaryItem : IAudited
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>
    /// Other words offices write for this item (同义词: 网红 for 网络大V, 公众号 for 微信公众号), matched exactly,
    /// ignoring case and width. Null: never set, so the installation's default aliases may still be filled in.
    /// </summary>
    public List<string>? Aliases { get; set; }

    string IAudited.AuditLabel => $"{Type}:{Label}";

    /// <summary>A code, label or alias as compared: width-folded, trimmed, lower-case.</summary>
    public static string KeyOf(string? value) => ChineseText.Normalize(value).ToLowerInvariant();
}
