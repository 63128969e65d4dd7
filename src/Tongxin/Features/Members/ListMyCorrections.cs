using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Members;

public static class ListMyCorrections
{
    /// <summary>The member's own corrections and withdrawal requests, newest first, with staff's reason when rejected.</summary>
    public static async Task<Results<Ok<List<CorrectionItem>>, NotFoundProblem>> Handle(ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope)
    {
        if (await MemberContext.FigureIdAsync(me, db, scope) is not { } id) return Problems.NotFound("您的人士资料");
        var rows = await db.Corrections.AsNoTracking().Where(c => c.FigureId == id)
            .OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Take(100)
            .Select(c => new { Correction = c, c.Figure!.Name }).ToListAsync();
        return TypedResults.Ok(rows.Select(r => CorrectionItem.From(r.Correction, r.Name, "")).ToList());
    }
}
