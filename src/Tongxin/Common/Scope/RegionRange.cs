namespace Tongxin.Common.Scope;

/// <summary>
/// A half-open range [Low, High) of region codes: a region and all its descendants.
/// Codes are fixed-width digit strings, so a prefix "5105" covers ["5105", "5106").
/// </summary>
public readonly record struct RegionRange(string Low, string High)
{
    public static RegionRange ForPrefix(string prefix)
    {
        // Increment the prefix as a number of the same width; "5109" -> "5110".
        var next = (long.Parse(prefix) + 1).ToString().PadLeft(prefix.Length, '0');
        return new RegionRange(prefix, next);
    }

    public bool Contains(string? code) =>
        code is not null && string.CompareOrdinal(code, Low) >= 0 && string.CompareOrdinal(code, High) < 0;
}
