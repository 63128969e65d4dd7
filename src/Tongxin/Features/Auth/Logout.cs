using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;

namespace Tongxin.Features.Auth;

public static class Logout
{
    public static async Task<NoContent> Handle(HttpContext http, TongxinDb db)
    {
        await db.LogAsync(AuditActions.Logout, "User", null, "退出登录");
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        http.Response.Cookies.Delete("XSRF-TOKEN");
        return TypedResults.NoContent();
    }
}
