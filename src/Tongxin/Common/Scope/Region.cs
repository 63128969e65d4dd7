namespace Tongxin.Common.Scope;

/// <summary>
/// A node of the administrative region tree (GB/T 2260 codes for county level and above,
/// 9-digit statistical codes for townships). Subtrees are code prefixes, so scope is a range.
/// </summary>
public class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string FullName { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>1 province, 2 city, 3 district/county, 4 township.</summary>
    public int Level { get; set; }
    public bool IsDemo { get; set; }

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
