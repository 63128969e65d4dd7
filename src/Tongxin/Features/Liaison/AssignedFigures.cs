using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;

namespace Tongxin.Features.Liaison;

/// <summary>
/// The role narrowing "the figures assigned to the signed-in cadre" (DESIGN "Who may do what, extended"), applied on
/// top of the region scope by every query that a cadre may run. A user who may read liaison work region-wide
/// (<see cref="Permissions.LiaisonRead"/>: staff, leader, admin) is not narrowed; anyone else sees only the figures
/// with an active assignment to them, and every other figure answers 404 as if it did not exist.
/// </summary>
public static class AssignedFigures
{
    /// <summary>True when <paramref name="user"/> sees only the figures assigned to them.</summary>
    public static bool Narrows(ClaimsPrincipal user) => !user.Can(Permissions.LiaisonRead);

    /// <summary>The ids of the figures with an active assignment to the user (a subquery, composable into any query).</summary>
    public static IQueryable<long> Of(TongxinDb db, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return db.LiaisonAssignments.Where(a => a.CadreUserId == userId && a.EndOn == null).Select(a => a.FigureId);
    }

    /// <summary>
    /// The ids of the figures the user may see through liaison, or null when the user is not narrowed (region scope only).
    /// For records whose figure is optional: <c>ids is null || (r.FigureId != null &amp;&amp; ids.Contains(r.FigureId.Value))</c>.
    /// </summary>
    public static IQueryable<long>? IdsFor(TongxinDb db, ClaimsPrincipal user) => Narrows(user) ? Of(db, user) : null;

    /// <summary>Narrows a query of figure-owned rows to the user's assigned figures (unchanged for staff and leaders).</summary>
    public static IQueryable<T> Narrow<T>(this IQueryable<T> query, TongxinDb db, ClaimsPrincipal user) where T : class, IFigureOwned
    {
        if (!Narrows(user)) return query;
        var ids = Of(db, user);
        return query.Where(x => ids.Contains(x.FigureId));
    }

    /// <summary>Whether the user may see the figure through liaison: in the region scope and, for a cadre, assigned to them.</summary>
    public static async Task<bool> Allows(TongxinDb db, ClaimsPrincipal user, long figureId)
    {
        if (!await db.Figures.AnyAsync(f => f.Id == figureId)) return false;
        return !Narrows(user) || await Of(db, user).AnyAsync(id => id == figureId);
    }
}
