using Tongxin.Common.Domain;

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

    string IAudited.AuditLabel => $"{Type}:{Label}";
}
