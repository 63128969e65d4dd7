using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Liaison;

public static class GetAssignedFigure
{
    /// <summary>
    /// GET /api/liaison/figures/{id}: the profile of a figure as staff see it (sensitive fields masked; there is no reveal
    /// here), for a cadre only when the figure is assigned to them; any other figure answers 404 as if it did not exist.
    /// </summary>
    public static async Task<Results<Ok<FigureDetail>, NotFoundProblem>> Handle(long id, TongxinDb db, ClaimsPrincipal user)
    {
        if (!await AssignedFigures.Allows(db, user, id)) return Problems.NotFound("人士");
        return await GetFigure.Load(db, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("人士");
    }
}
