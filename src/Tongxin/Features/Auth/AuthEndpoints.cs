using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Auth;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", Login.Handle).ProducesProblem(401).AllowAnonymous().WithMetadata(new SkipAntiforgery())
            .RequireRateLimiting(AuthSetup.LoginRateLimit);
        auth.MapPost("/logout", Logout.Handle).WithMetadata(new AllowPendingPasswordChange());
        // Limited like sign-in: the current password is a guess an attacker holding a session could repeat.
        auth.MapPost("/change-password", ChangePassword.Handle).WithMetadata(new AllowPendingPasswordChange())
            .RequireRateLimiting(AuthSetup.LoginRateLimit);
        auth.MapPost("/totp/setup", TwoFactor.Setup);
        auth.MapPost("/totp/enable", TwoFactor.Enable);
        auth.MapPost("/totp/disable", TwoFactor.Disable);
        api.MapGet("/me", Me.Handle).WithTags("Auth").WithMetadata(new AllowPendingPasswordChange());
    }
}
