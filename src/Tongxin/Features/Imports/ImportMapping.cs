using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;

namespace Tongxin.Features.Imports;

/// <summary>
/// What an office's sheets mean by a word the dictionary does not know (网红 → category bigv), chosen once in the
/// import wizard and applied to that region's later imports.
/// </summary>
public class ImportMapping : IRegionOwned, IAudited
{
    public long Id { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The dictionary type of the column (category, platform…).</summary>
    public required string Type { get; set; }
    /// <summary>The value as first written (width-folded, trimmed).</summary>
    public required string Value { get; set; }
    /// <summary><see cref="DictionaryItem.KeyOf"/> of the value: what a later sheet is matched on.</summary>
    public required string ValueKey { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UserName { get; set; }

    string IAudited.AuditLabel => $"导入对应 {Value} → {Type}:{Code}";
}
