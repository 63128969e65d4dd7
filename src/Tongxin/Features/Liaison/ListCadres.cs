using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

public sealed record CadreItem(string Id, string UserName, string DisplayName, string RegionCode, int ActiveFigures);

public static class ListCadres
{
    /// <summary>The cadres of the caller's region with their number of active assignments (for the assign and reassign forms).</summary>
    public static async Task<Ok<List<CadreItem>>> Handle(TongxinDb db)
    {
        var cadres = await Cadres.InScope(db).AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.RegionCode }).Take(1000).ToListAsync();
        var ids = cadres.Select(c => c.Id).ToList();
        var counts = await db.LiaisonAssignments.Where(a => a.EndOn == null && ids.Contains(a.CadreUserId))
            .GroupBy(a => a.CadreUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return TypedResults.Ok(cadres.Select(c => new CadreItem(c.Id, c.UserName!, c.DisplayName, c.RegionCode, counts.GetValueOrDefault(c.Id))).ToList());
    }
}
