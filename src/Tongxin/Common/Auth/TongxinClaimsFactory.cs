using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Common.Auth;

/// <summary>Puts region, display name and the pending-password-change flag into the cookie.</summary>
public sealed class TongxinClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TongxinClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(TongxinClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(TongxinClaims.MustChangePassword, "true"));
        return identity;
    }
}
