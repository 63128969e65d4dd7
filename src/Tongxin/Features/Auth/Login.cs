using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record LoginResponse(bool MustChangePassword);

public static class Login
{
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Handle(
        LoginRequest request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        TongxinDb db, IAntiforgery antiforgery)
    {
        var name = request.UserName?.Trim() ?? "";
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        db.Actor.Use(user?.Id, name.Length == 0 ? "(空)" : name);
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            await db.LogAsync(AuditActions.LoginFailed, "User", null, "用户名或密码错误");
            return Unauthorized("用户名或密码错误");
        }
        // lockoutOnFailure: true, so that every failed password counts towards lockout.
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await db.LogAsync(AuditActions.LoginFailed, "User", user.Id, "账户已锁定");
            return Unauthorized("登录失败次数过多，账户已锁定15分钟，请稍后再试或联系管理员解锁");
        }
        if (!result.Succeeded)
        {
            await db.LogAsync(AuditActions.LoginFailed, "User", user.Id, "用户名或密码错误");
            return Unauthorized("用户名或密码错误");
        }
        await SignInAsync(http, signIn, user);
        AntiforgeryFilter.Issue(http, antiforgery);
        await db.LogAsync(AuditActions.Login, "User", user.Id, "登录成功", user.RegionCode);
        return TypedResults.Ok(new LoginResponse(user.MustChangePassword));
    }

    /// <summary>Signs in keeping the original sign-in time for the absolute session limit.</summary>
    public static async Task SignInAsync(HttpContext http, SignInManager<AppUser> signIn, AppUser user, string? signedInAt = null)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[AuthSetup.SignedInAtItem] = signedInAt ?? DateTime.UtcNow.ToString("O");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, properties);
        http.User = principal; // the antiforgery token issued next must belong to the new identity
    }

    private static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
}
