using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password, string? TotpCode = null);
public sealed record LoginResponse(bool MustChangePassword);

public static class Login
{
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Handle(
        LoginRequest request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        TongxinDb db, IAntiforgery antiforgery, TotpVerifier totp, [FromServices] IEnumerable<ISignInNameResolver> otherNames)
    {
        var name = request.UserName?.Trim() ?? "";
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        foreach (var resolver in otherNames)
            user ??= name.Length == 0 ? null : await resolver.FindAsync(name);
        db.Actor.Use(user?.Id, name.Length == 0 ? "(空)" : name);
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            SpendAHashing(users, request.Password);
            await db.LogAsync(AuditActions.LoginFailed, "User", null, "用户名或密码错误");
            return Unauthorized(Failed);
        }
        // Every failed step (password or second factor) counts towards lockout; only full success resets it.
        if (await users.IsLockedOutAsync(user))
        {
            SpendAHashing(users, request.Password);
            return await Locked(db, user);
        }
        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user)) return await Locked(db, user);
            await db.LogAsync(AuditActions.LoginFailed, "User", user.Id, "用户名或密码错误");
            return Unauthorized(Failed);
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TotpCode))
                return TypedResults.Problem(title: "请输入动态验证码", statusCode: StatusCodes.Status401Unauthorized, type: TotpRequiredType);
            if (!await totp.VerifyAsync(user, request.TotpCode))
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user)) return await Locked(db, user);
                await db.LogAsync(AuditActions.LoginFailed, "User", user.Id, "动态验证码错误");
                return TypedResults.Problem(title: "动态验证码错误或已使用", statusCode: StatusCodes.Status401Unauthorized, type: TotpRequiredType);
            }
        }
        await users.ResetAccessFailedCountAsync(user);
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

    public const string TotpRequiredType = "https://tongxin.local/problems/totp-required";

    /// <summary>
    /// The one answer to every failed sign-in, known user or not, locked or not: nothing tells who exists. It names
    /// the lockout so that a locked-out user knows to wait or ask (the audit log records which case it was).
    /// </summary>
    public const string Failed = "用户名或密码错误（连续输错多次后账户将锁定15分钟，可稍后再试或联系管理员解锁）";

    private static async Task<ProblemHttpResult> Locked(TongxinDb db, AppUser user)
    {
        await db.LogAsync(AuditActions.LoginFailed, "User", user.Id, "账户已锁定");
        return Unauthorized(Failed);
    }

    private static string? _dummyHash;

    /// <summary>
    /// Verifies the password against a hash of nobody's, so an unknown or locked user costs the same PBKDF2 time
    /// as a wrong password.
    /// </summary>
    private static void SpendAHashing(UserManager<AppUser> users, string? password)
    {
        var dummy = new AppUser { RegionCode = "" };
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password ?? "");
    }

    private static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
}
