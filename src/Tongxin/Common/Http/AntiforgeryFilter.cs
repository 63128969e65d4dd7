using Microsoft.AspNetCore.Antiforgery;

namespace Tongxin.Common.Http;

/// <summary>
/// Validates the X-XSRF-TOKEN header on every state-changing API call (POST, PUT, PATCH, DELETE).
/// Endpoints marked with <see cref="SkipAntiforgery"/> (login) are exempt.
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method)
            && http.GetEndpoint()?.Metadata.GetMetadata<SkipAntiforgery>() is null)
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.Problem(title: "页面已过期，请刷新后重试", statusCode: StatusCodes.Status400BadRequest,
                    type: "https://tongxin.local/problems/antiforgery");
        }
        return await next(ctx);
    }

    /// <summary>(Re)issues the readable XSRF-TOKEN cookie for the current user.</summary>
    public static void Issue(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
        });
    }
}

public sealed class SkipAntiforgery;

/// <summary>Endpoints reachable while a password change is pending.</summary>
public sealed class AllowPendingPasswordChange;
