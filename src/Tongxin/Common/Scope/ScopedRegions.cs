using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;

namespace Tongxin.Common.Scope;

/// <summary>Region look-ups through the caller's scope, for every feature that takes a region code as input.</summary>
public static class ScopedRegions
{
    public const string UnknownRegionMessage = "地区代码无效";

    /// <summary>
    /// Resolves a region code the caller may use. A code outside the scope answers exactly like an
    /// unknown one, so nothing reveals that it exists.
    /// </summary>
    public static async Task<Region?> InScope(TongxinDb db, string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.Trim());

    /// <summary>The code range of a region and its descendants, if the region is in the caller's scope.</summary>
    public static async Task<RegionRange?> SubtreeInScope(TongxinDb db, string? code) =>
        await InScope(db, code) is { } region ? RegionRange.ForPrefix(Region.ScopePrefix(region.Code, region.Level)) : null;

    /// <summary>As <see cref="SubtreeInScope"/>, but an unknown or out-of-scope code is a field error.</summary>
    public static async Task<RegionRange> RequireSubtree(TongxinDb db, string code) =>
        await SubtreeInScope(db, code) ?? throw FieldValidationException.Single("regionCode", UnknownRegionMessage);
}
