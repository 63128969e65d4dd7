using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Users;

/// <summary>
/// Disabling a user locks the account with no end (Identity's lockout), which also ends every session of the
/// user at once (a new security stamp); enabling lifts it. Only users in the caller's subtree whose roles are no
/// higher than the caller's, and never oneself.
/// </summary>
public static class DisableUser
{
    public static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public static async Task<Results<NoContent, NotFoundProblem, ProblemHttpResult>> Disable(string id, ClaimsPrincipal me, TongxinDb db,
        UserManager<AppUser> users)
    {
        var (user, conflict) = await Manageable(id, me, db, users);
        if (user is null) return conflict is null ? Problems.NotFound("用户") : Conflict(conflict);
        await DisableAsync(user, db, users, $"停用用户 {user.UserName}");
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The one disable path: an endless lockout, which renews the security stamp (every session of the user ends,
    /// <see cref="TongxinUserManager"/>), audited with <paramref name="summary"/>. Used by the users page and by the
    /// approval of a member's withdrawal.
    /// </summary>
    public static async Task DisableAsync(AppUser user, TongxinDb db, UserManager<AppUser> users, string summary, long? figureId = null)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, Forever);
        await db.LogAsync("user-disable", "User", user.Id, summary, user.RegionCode, figureId);
    }

    public static async Task<Results<NoContent, NotFoundProblem, ProblemHttpResult>> Enable(string id, ClaimsPrincipal me, TongxinDb db,
        UserManager<AppUser> users)
    {
        var (user, conflict) = await Manageable(id, me, db, users);
        if (user is null) return conflict is null ? Problems.NotFound("用户") : Conflict(conflict);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.LogAsync("user-enable", "User", user.Id, $"启用用户 {user.UserName}", user.RegionCode);
        return TypedResults.NoContent();
    }

    public static bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end.Year >= 9999;

    /// <summary>
    /// The user if the caller may manage them; else null and why: out of the scope (404, <paramref name="conflict"/>
    /// null), or oneself or a higher rank (409 with the message).
    /// </summary>
    public static async Task<(AppUser? User, string? Conflict)> Manageable(string id, ClaimsPrincipal me, TongxinDb db, UserManager<AppUser> users)
    {
        var user = await CreateUser.FindInScope(users, db.Scope, id);
        if (user is null) return (null, null);
        if (user.Id == users.GetUserId(me)) return (null, "不能对自己的账户执行此操作");
        var myRank = me.RolesOf().Select(Roles.Rank).DefaultIfEmpty(0).Max();
        if ((await users.GetRolesAsync(user)).Any(r => Roles.Rank(r) > myRank)) return (null, "不能管理角色高于自己的用户");
        return (user, null);
    }

    public static ProblemHttpResult Conflict(string message) => TypedResults.Problem(title: message, statusCode: StatusCodes.Status409Conflict);
}
