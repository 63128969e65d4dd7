using Tongxin.Common.Auth;

namespace Tongxin.Features.Members;

/// <summary>Marks an endpoint a member may call (a later feature's member route, e.g. signing up for an event).</summary>
public sealed class MemberRoute;

/// <summary>
/// A member reaches only their own routes: /api/me…, sign-in and password, notifications and notices, and
/// endpoints marked <see cref="MemberRoute"/>. Every other API route answers 403 to a member, even the ones any
/// signed-in user may read (regions, units, dictionaries), so nothing of the registry is reachable from a member
/// session. A user holding a staff role as well is not restricted here (permissions decide).
/// </summary>
public sealed class MemberGate : IEndpointFilter
{
    private static readonly string[] Allowed =
    [
        "/api/me", "/api/auth/", "/api/invitations/preview", "/api/invitations/activate", "/api/notifications", "/api/notices",
    ];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (IsOnlyMember(http.User) && !IsAllowed(http))
            return TypedResults.Problem(title: "没有权限执行此操作", statusCode: StatusCodes.Status403Forbidden);
        return await next(ctx);
    }

    private static bool IsOnlyMember(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Member) && user.RolesOf().All(r => r == Roles.Member);

    private static bool IsAllowed(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MemberRoute>() is not null) return true;
        var path = http.Request.Path.Value ?? "";
        foreach (var prefix in Allowed)
        {
            if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            // "/api/me" and "/api/me/…", not "/api/messages".
            if (prefix.EndsWith('/') || path.Length == prefix.Length || path[prefix.Length] == '/') return true;
        }
        return false;
    }
}
