using Tongxin.Common.Auth;

namespace Tongxin.Common.Http;

/// <summary>
/// Until a user with a generated or administrator-set password changes it, every API endpoint except
/// change-password, /api/me and logout answers 403 with a problem type saying so.
/// </summary>
public sealed class PasswordChangeGate : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (http.User.HasClaim(TongxinClaims.MustChangePassword, "true")
            && http.GetEndpoint()?.Metadata.GetMetadata<AllowPendingPasswordChange>() is null)
        {
            return TypedResults.Problem(title: "请先修改初始密码", statusCode: StatusCodes.Status403Forbidden,
                type: Problems.MustChangePasswordType);
        }
        return await next(ctx);
    }
}
