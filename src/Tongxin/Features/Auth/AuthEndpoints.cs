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
        auth.MapPost("/change-password", ChangePassword.Handle).WithMetadata(new AllowPendingPasswordChange());
        auth.MapPost("/totp/setup", TwoFactor.Setup);
        auth.MapPost("/totp/enable", TwoFactor.Enable);
        auth.MapPost("/totp/disable", TwoFactor.Disable);
        api.MapGet("/me", Me.Handle).WithTags("Auth").WithMetadata(new AllowPendingPasswordChange());
    }
}
