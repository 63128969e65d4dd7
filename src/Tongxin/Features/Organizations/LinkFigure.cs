using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public sealed record LinkFigureRequest(long FigureId, string? Role);

public static class LinkFigure
{
    /// <summary>Links a figure the caller may see to the organization, with the figure's role there.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Handle(long id, LinkFigureRequest request, TongxinDb db)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id)) return Problems.NotFound("单位");
        if (!await db.Figures.AnyAsync(f => f.Id == request.FigureId)) return Problems.Validation("figureId", "人士不存在或无权查看");
        if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == id && m.FigureId == request.FigureId))
            return Problems.Validation("figureId", "该人士已关联此单位");
        db.OrganizationMembers.Add(new OrganizationMember
        {
            OrganizationId = id,
            FigureId = request.FigureId,
            Role = OrganizationInput.NullIfEmpty(request.Role),
        });
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
