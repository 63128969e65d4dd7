using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.OrgUnits;

public sealed record OrgUnitItem(long Id, string Name, string Kind, string RegionCode, string RegionName, long? ParentId,
    string? Contact, string? Phone, int UserCount, int Version);

public static class ListOrgUnits
{
    public static async Task<Ok<List<OrgUnitItem>>> Handle(TongxinDb db)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.RegionCode).ThenBy(u => u.Name).ToListAsync();
        var names = await RegionNames.FullNamesAsync(db, units.Select(u => u.RegionCode));
        var ids = units.Select(u => (long?)u.Id).ToList();
        var counts = await db.Users.Where(u => ids.Contains(u.OrgUnitId)).GroupBy(u => u.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count);
        return TypedResults.Ok(units.Select(u => new OrgUnitItem(u.Id, u.Name, u.Kind, u.RegionCode, names.GetValueOrDefault(u.RegionCode, u.RegionCode),
            u.ParentId, u.Contact, u.Phone, counts.GetValueOrDefault(u.Id), u.Version)).ToList());
    }
}
