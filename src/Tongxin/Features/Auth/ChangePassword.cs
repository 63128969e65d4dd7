using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Auth;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public static class ChangePassword
{
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Handle(ChangePasswordRequest request, HttpContext http, ClaimsPrincipal me,
        UserManager<AppUser> users, SignInManager<AppUser> signIn, TongxinDb db, IAntiforgery antiforgery)
    {
        var user = await users.GetUserAsync(me);
        if (user is null) return Problems.NotFound("用户");
        if (string.IsNullOrEmpty(request.CurrentPassword)) return Problems.Validation("currentPassword", "请输入当前密码");
        if (string.IsNullOrEmpty(request.NewPassword)) return Problems.Validation("newPassword", "请输入新密码");
        if (request.NewPassword == request.CurrentPassword) return Problems.Validation("newPassword", "新密码不能与当前密码相同");
        // A locked account cannot change its password, even with the right one: the lockout stops guessing here too.
        if (await users.IsLockedOutAsync(user)) return Problems.Validation("currentPassword", LockedMessage);
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            await users.AccessFailedAsync(user); // a wrong current password counts towards lockout too
            return Problems.Validation("currentPassword", await users.IsLockedOutAsync(user) ? LockedMessage : "当前密码不正确");
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
            return Problems.Validation("newPassword", string.Join("；", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await Login.RefreshAsync(http, signIn, user);
        AntiforgeryFilter.Issue(http, antiforgery);
        await db.LogAsync(AuditActions.PasswordChanged, "User", user.Id, "修改密码", user.RegionCode);
        return TypedResults.NoContent();
    }

    public const string LockedMessage = "连续输错多次，账户已锁定15分钟，请稍后再试或联系管理员解锁";

    /// <summary>The policy check without a user manager, for operator verbs and admin resets.</summary>
    public static async Task<string?> PolicyError(UserManager<AppUser> users, AppUser user, string password)
    {
        foreach (var v in users.PasswordValidators)
        {
            var r = await v.ValidateAsync(users, user, password);
            if (!r.Succeeded) return string.Join("；", r.Errors.Select(e => e.Description));
        }
        return null;
    }
}
