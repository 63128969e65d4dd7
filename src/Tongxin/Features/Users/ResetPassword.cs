using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Users;

public sealed record ResetPasswordRequest(string? NewPassword);

public static class ResetPassword
{
    /// <summary>
    /// Sets a new password that must be changed at the next sign-in, and unlocks the user. Every session of the user
    /// ends (Identity gives the user a new security stamp), so the next request signs in again and is sent to the change.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Handle(string id, ResetPasswordRequest request, TongxinDb db,
        UserManager<AppUser> users)
    {
        var user = await CreateUser.FindInScope(users, db.Scope, id);
        if (user is null) return Problems.NotFound("用户");
        if (string.IsNullOrEmpty(request.NewPassword)) return Problems.Validation("newPassword", "请填写新密码");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!result.Succeeded) return Problems.Validation("newPassword", string.Join("；", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        if (!DisableUser.IsDisabled(user)) await users.SetLockoutEndDateAsync(user, null); // a disabled user stays disabled
        await users.ResetAccessFailedCountAsync(user);
        await db.LogAsync("user-reset-password", "User", user.Id, $"重置用户 {user.UserName} 的密码", user.RegionCode);
        return TypedResults.NoContent();
    }
}
