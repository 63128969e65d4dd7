using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

public sealed record MyFigureItem(long AssignmentId, long FigureId, string Name, string? KeyLevel, string RegionCode, DateOnly StartOn,
    DateOnly? LastContactOn, DateOnly? NextDueOn, DueState State);

public static class ListMyFigures
{
    /// <summary>我联系的网络人士: the signed-in cadre's active assignments, overdue first, then by next-due date.</summary>
    public static async Task<Ok<List<MyFigureItem>>> Handle(TongxinDb db, ClaimsPrincipal user)
    {
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var today = Cadres.Today();
        var rows = await DueRow.Active(db, db.LiaisonAssignments.Where(a => a.CadreUserId == self)).AsNoTracking().Take(5000).ToListAsync();
        var items = rows.Select(r => new MyFigureItem(r.AssignmentId, r.FigureId, r.Name, r.KeyLevel, r.RegionCode, r.StartOn, r.LastContactOn,
            r.NextDueOn, ContactRules.StateOf(r.NextDueOn, today)));
        return TypedResults.Ok(items.OrderByDescending(i => i.State).ThenBy(i => i.NextDueOn ?? DateOnly.MaxValue).ThenBy(i => i.Name, StringComparer.Ordinal).ToList());
    }
}
