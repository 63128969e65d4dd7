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
    public static string ScopePrefix(string code, int level) => RegionCodes.ScopePrefix(code, level);

    /// <summary>Level implied by the shape of a code.</summary>
    public static int LevelOf(string code) => RegionCodes.LevelOf(code);

    public static bool IsWellFormedCode(string? code) => RegionCodes.IsWellFormedCode(code);
}
