using System.Security.Claims;
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
    public static async Task<Results<Ok<TotpSetupResponse>, ValidationProblem, NotFoundProblem>> Setup(ClaimsPrincipal me, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (user.TwoFactorEnabled) return Problems.Validation("code", "已启用动态验证码，请先停用再重新设置");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("同心:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("同心")}&digits=6";
        return TypedResults.Ok(new TotpSetupResponse(key, uri));
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Enable(TotpCodeRequest request, ClaimsPrincipal me, UserManager<AppUser> users, TotpVerifier totp, TongxinDb db)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (!await totp.VerifyAsync(user, request.Code)) return Problems.Validation("code", "动态验证码错误或已使用");
        await users.SetTwoFactorEnabledAsync(user, true);
        await db.LogAsync("totp-enabled", "User", user.Id, "启用动态验证码", user.RegionCode);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Disable(TotpCodeRequest request, ClaimsPrincipal me, UserManager<AppUser> users, TotpVerifier totp, TongxinDb db)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (!user.TwoFactorEnabled) return TypedResults.NoContent();
        if (!await totp.VerifyAsync(user, request.Code)) return Problems.Validation("code", "动态验证码错误或已使用");
        await users.SetTwoFactorEnabledAsync(user, false);
        await db.LogAsync("totp-disabled", "User", user.Id, "停用动态验证码", user.RegionCode);
        return TypedResults.NoContent();
    }
}
