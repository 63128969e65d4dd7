using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tongxin.Common.Data;

namespace Tongxin.Common.Auth;

/// <summary>
/// Every request's cookie is checked against the user's current security stamp (and lockout), read from the
/// database at most once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/> per user and server.
/// Every event that must end a user's sessions changes the stamp (<see cref="TongxinUserManager"/>); this server
/// forgets its cached stamp at once, other servers read the new one within the interval. A cookie whose stamp
/// differs from the cached one is checked against the database before it is refused, so a session renewed on
/// another server is not refused by a stale cache. The sliding renewal of the cookie changes nothing here: the
/// check does not depend on when the cookie was issued.
/// </summary>
public sealed class SessionStamps(IMemoryCache cache, IOptions<SecurityStampValidatorOptions> options, TimeProvider? clock = null)
{
    private sealed record Current(string? Stamp, DateTimeOffset? LockoutEnd);

    private static string Key(string userId) => "tongxin.stamp:" + userId;

    /// <summary>This server's cached stamp of the user is stale (the stamp or lockout changed here).</summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, HttpContext http)
    {
        var identity = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(identity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        var current = cache.Get<Current>(Key(userId));
        if (current is null || current.Stamp != stamp)
        {
            var db = http.RequestServices.GetRequiredService<TongxinDb>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Current(u.SecurityStamp, u.LockoutEnd)).FirstOrDefaultAsync(http.RequestAborted)
                ?? new Current(null, null);
            cache.Set(Key(userId), current, options.Value.ValidationInterval);
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return current.Stamp == stamp && !(current.LockoutEnd > now);
    }

    /// <summary>The cookie handler's check: refuses (and deletes) a cookie whose session has ended.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var stamps = ctx.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        if (ctx.Principal is { } principal && await stamps.IsCurrentAsync(principal, ctx.HttpContext)) return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
