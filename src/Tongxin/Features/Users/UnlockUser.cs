using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Users;

public static class UnlockUser
{
    public static async Task<Results<NoContent, NotFoundProblem, ProblemHttpResult>> Handle(string id, TongxinDb db, UserManager<AppUser> users)
    {
        var user = await CreateUser.FindInScope(users, db.Scope, id);
        if (user is null) return Problems.NotFound("用户");
        if (DisableUser.IsDisabled(user)) return DisableUser.Conflict("该用户已停用，请使用“启用”");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.LogAsync("user-unlock", "User", user.Id, $"解锁用户 {user.UserName}", user.RegionCode);
        return TypedResults.NoContent();
    }
}
