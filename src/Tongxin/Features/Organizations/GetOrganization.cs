using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Organizations;

public sealed record OrganizationFigure(long FigureId, string Name, string? Role);
public sealed record OrganizationDetail(long Id, string Name, string? Type, string RegionCode, string RegionName, string? CreditCode,
    string? LiaisonOfficer, string? LiaisonPhoneMasked, string? Address, string? Description, bool IsBase, string? BaseOffers, int Version,
    IReadOnlyList<OrganizationFigure> Figures);

public static class GetOrganization
{
    public static async Task<Results<Ok<OrganizationDetail>, NotFoundProblem>> Handle(long id, TongxinDb db) =>
        await Load(db, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("单位");

    public static async Task<OrganizationDetail?> Load(TongxinDb db, long id)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return null;
        var regionName = await db.Regions.Where(r => r.Code == o.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync();
        // Linked figures are listed only where the caller may see them (the member filter follows the figure's region).
        var figures = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == id)
            .OrderBy(m => m.Figure!.SortKey).Select(m => new OrganizationFigure(m.FigureId, m.Figure!.Name, m.Role)).ToListAsync();
        return new OrganizationDetail(o.Id, o.Name, o.Type, o.RegionCode, regionName ?? o.RegionCode, o.CreditCode,
            o.LiaisonOfficer, o.LiaisonPhoneMasked, o.Address, o.Description, o.IsBase, o.BaseOffers, o.Version, figures);
    }
}
