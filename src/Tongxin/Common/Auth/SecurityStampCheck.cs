using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Common.Auth;

/// <summary>
/// Whether a cookie is old enough for Identity's security-stamp check. The validator makes the very same
/// test, but only after it has been resolved, and resolving it builds a SignInManager, a UserManager with its
/// token providers and a database context on every request; asking first keeps that off the hot path while
/// the check itself (interval, revocation by a new stamp) stays exactly Identity's.
/// </summary>
public static class SecurityStampCheck
{
    public static bool IsDue(CookieValidatePrincipalContext ctx)
    {
        var issued = ctx.Properties.IssuedUtc;
        if (issued is null) return true;
        var services = ctx.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now - issued.Value > options.ValidationInterval;
    }
}
