using System.Security.Claims;

namespace Tongxin.Common.Auth;

public static class UserExtensions
{
    public static string? RegionCode(this ClaimsPrincipal user) => user.FindFirstValue(TongxinClaims.Region);

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public static IReadOnlySet<string> PermissionsOf(this ClaimsPrincipal user) => Permissions.ForRoles(user.RolesOf());

    public static bool Can(this ClaimsPrincipal user, string permission) => user.PermissionsOf().Contains(permission);
}
