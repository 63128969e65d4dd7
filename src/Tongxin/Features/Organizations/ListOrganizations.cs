using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;

namespace Tongxin.Features.Organizations;

public sealed record OrganizationListItem(long Id, string Name, string? Type, string RegionCode, string RegionName, string? CreditCode,
    string? LiaisonOfficer, int FigureCount, bool IsBase);

public static class ListOrganizations
{
    /// <summary>Plain LINQ over the scoped table, in name order, offset paging.</summary>
    public static async Task<Ok<Paged<OrganizationListItem>>> Handle(TongxinDb db, string? q, string? regionCode, string? type,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Within(await ScopedRegions.RequireSubtree(db, regionCode));
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(o => o.Type == type);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = ChineseText.Normalize(q).ToLowerInvariant();
            query = query.Where(o => o.NameKey.Contains(term) || o.CreditCode == term.ToUpperInvariant());
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(o => o.NameKey).ThenBy(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.Type, o.RegionCode,
                db.Regions.Where(r => r.Code == o.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? o.RegionCode,
                o.CreditCode, o.LiaisonOfficer, o.Members.Count, o.IsBase)).ToListAsync();
        return TypedResults.Ok(new Paged<OrganizationListItem>(rows, total));
    }
}
