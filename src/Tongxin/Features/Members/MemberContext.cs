using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Members;

/// <summary>
/// The signed-in member's own figure. Every /api/me/… handler starts here: the figure is the one the user is
/// linked to (never an id from the request), and the unit of work's scope becomes that figure's region, so
/// the registry's own queries (profile, accounts) read it even if staff moved the figure to another region.
/// </summary>
public static class MemberContext
{
    public const string NoFigureMessage = "您的账号未关联网络人士资料";

    public static async Task<long?> FigureIdAsync(ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope)
    {
        var userId = me.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var figureId = await db.Users.Where(u => u.Id == userId).Select(u => u.FigureId).FirstOrDefaultAsync();
        if (figureId is null) return null;
        var region = await db.Figures.IgnoreQueryFilters().Where(f => f.Id == figureId).Select(f => f.RegionCode).FirstOrDefaultAsync();
        if (region is null) return null;
        scope.Use(DataScopeHolder.ForRegion(region));
        return figureId;
    }
}
