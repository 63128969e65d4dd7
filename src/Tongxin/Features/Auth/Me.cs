using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public sealed record MeResponse(
    string UserName, string DisplayName, string RegionCode, string RegionName, IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions, bool MustChangePassword, bool DemoDataPresent, bool TwoFactorEnabled);

public static class Me
{
    public static async Task<Ok<MeResponse>> Handle(ClaimsPrincipal me, HttpContext http, TongxinDb db, IAntiforgery antiforgery,
        Microsoft.AspNetCore.Identity.UserManager<AppUser> users)
    {
        AntiforgeryFilter.Issue(http, antiforgery);
        var region = me.RegionCode() ?? "";
        var regionName = await db.Regions.Where(r => r.Code == region).Select(r => r.FullName).FirstOrDefaultAsync() ?? "";
        var demo = await db.Regions.AnyAsync(r => r.IsDemo);
        return TypedResults.Ok(new MeResponse(
            me.Identity!.Name!, me.FindFirstValue(TongxinClaims.DisplayName) ?? "", region, regionName,
            me.RolesOf(), me.PermissionsOf().Order().ToList(),
            me.HasClaim(TongxinClaims.MustChangePassword, "true"), demo,
            (await users.GetUserAsync(me))?.TwoFactorEnabled ?? false));
    }
}
