using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Regions;

public sealed record RegionItem(string Code, string Name, string FullName, string? ParentCode, int Level);

public static class ListRegions
{
    /// <summary>The caller's subtree (the region filter applies), in code order.</summary>
    public static async Task<Ok<List<RegionItem>>> Handle(TongxinDb db) =>
        TypedResults.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionItem(r.Code, r.Name, r.FullName, r.ParentCode, r.Level)).ToListAsync());
}
