using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Common.Scope;

/// <summary>The full names (湖北省武汉市江汉区) of region codes, for the lists and exports that show a row's region.</summary>
public static class RegionNames
{
    /// <summary>
    /// The full name of each code the caller's scope holds, in one query; a code missing from the result is unknown or out
    /// of scope (callers show the code). The codes go as one collection parameter (<see cref="EF.Parameter{T}"/>), so the
    /// SQL is the same whatever their number and is prepared once.
    /// </summary>
    public static async Task<Dictionary<string, string>> FullNamesAsync(TongxinDb db, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var list = codes.Distinct().ToList();
        if (list.Count == 0) return [];
        return await db.Regions.AsNoTracking().Where(r => EF.Parameter(list).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
    }
}
