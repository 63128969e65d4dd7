using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public sealed record TotpSetupResponse(string SharedKey, string AuthenticatorUri);
public sealed record TotpCodeRequest(string? Code);

/// <summary>Optional authenticator-app second factor for staff accounts.</summary>
public static class TwoFactor
{
    public static async Task<Results<Ok<TotpSetupResponse>, ValidationProblem, NotFoundProblem>> Setup(ClaimsPrincipal me, UserManager<AppUser> users,
        HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (user.TwoFactorEnabled) return Problems.Validation("code", "已启用动态验证码，请先停用再重新设置");
        await users.ResetAuthenticatorKeyAsync(user); // a new security stamp: other sessions end, this one continues
        await Refresh(http, signIn, antiforgery, user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("同心:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("同心")}&digits=6";
        return TypedResults.Ok(new TotpSetupResponse(key, uri));
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Enable(TotpCodeRequest request, ClaimsPrincipal me, UserManager<AppUser> users, TotpVerifier totp, TongxinDb db,
        HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (!await totp.VerifyAsync(user, request.Code)) return Problems.Validation("code", "动态验证码错误或已使用");
        await users.SetTwoFactorEnabledAsync(user, true);
        await Refresh(http, signIn, antiforgery, user);
        await db.LogAsync("totp-enabled", "User", user.Id, "启用动态验证码", user.RegionCode);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Disable(TotpCodeRequest request, ClaimsPrincipal me, UserManager<AppUser> users, TotpVerifier totp, TongxinDb db,
        HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (!user.TwoFactorEnabled) return TypedResults.NoContent();
        if (!await totp.VerifyAsync(user, request.Code)) return Problems.Validation("code", "动态验证码错误或已使用");
        await users.SetTwoFactorEnabledAsync(user, false);
        await Refresh(http, signIn, antiforgery, user);
        await db.LogAsync("totp-disabled", "User", user.Id, "停用动态验证码", user.RegionCode);
        return TypedResults.NoContent();
    }

    private static async Task Refresh(HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery, AppUser user)
    {
        await Login.RefreshAsync(http, signIn, user);
        AntiforgeryFilter.Issue(http, antiforgery);
    }
}
