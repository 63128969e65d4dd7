using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Auth;

public static class Logout
{
    /// <summary>
    /// Ends every session of the user (a new security stamp), so a copied cookie stops working too, and deletes
    /// this browser's cookie.
    /// </summary>
    public static async Task<NoContent> Handle(HttpContext http, ClaimsPrincipal me, TongxinDb db, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(me);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
        await db.LogAsync(AuditActions.Logout, "User", user?.Id, "退出登录", user?.RegionCode ?? me.RegionCode());
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        http.Response.Cookies.Delete("XSRF-TOKEN");
        return TypedResults.NoContent();
    }
}
