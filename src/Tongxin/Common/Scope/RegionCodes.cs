namespace Tongxin.Common.Scope;

/// <summary>
/// The shape of administrative region codes (GB/T 2260 for county level and above, 9-digit statistical codes
/// for townships): subtrees are code prefixes, so a scope is a range.
/// </summary>
public static class RegionCodes
{
    /// <summary>The prefix every descendant's code starts with.</summary>
    public static string ScopePrefix(string code, int level) => level switch
    {
        1 => code[..2],
        2 => code[..4],
        3 => code[..6],
        _ => code,
    };

    /// <summary>Level implied by the shape of a code.</summary>
    public static int LevelOf(string code) => code.Length switch
    {
        9 => 4,
        6 when code.EndsWith("0000") => 1,
        6 when code.EndsWith("00") => 2,
        6 => 3,
        _ => 0,
    };

    public static bool IsWellFormedCode(string? code) =>
        code is { Length: 6 or 9 } && code.All(char.IsAsciiDigit) && LevelOf(code) > 0;
}
