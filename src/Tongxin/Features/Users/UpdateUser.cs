using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Users;

public sealed record UpdateUserRequest(string? DisplayName, string? RegionCode, List<string>? Roles, long? OrgUnitId = null);

public static class UpdateUser
{
    /// <summary>
    /// Changes a user's display name, region, roles and unit (within the caller's subtree and rank). A change of
    /// region or roles ends every session of the user: their cookie carries the old ones.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem, ProblemHttpResult>> Handle(string id, UpdateUserRequest request,
        ClaimsPrincipal me, TongxinDb db, UserManager<AppUser> users)
    {
        var (user, conflict) = await DisableUser.Manageable(id, me, db, users);
        if (user is null) return conflict is null ? Problems.NotFound("用户") : DisableUser.Conflict(conflict);
        var errors = new Dictionary<string, string[]>();
        var region = await ScopedRegions.InScope(db, request.RegionCode);
        if (region is null) errors["regionCode"] = [ScopedRegions.UnknownRegionMessage];
        var roles = (request.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0) errors["roles"] = ["请至少选择一个角色"];
        else if (roles.Any(r => !Roles.All.Contains(r))) errors["roles"] = ["角色无效"];
        else
        {
            var myRank = me.RolesOf().Select(Roles.Rank).DefaultIfEmpty(0).Max();
            if (roles.Any(r => Roles.Rank(r) > myRank)) errors["roles"] = ["不能授予高于自己的角色"];
        }
        if (request.OrgUnitId is { } unitId && !await db.OrgUnits.AnyAsync(o => o.Id == unitId)) errors["orgUnitId"] = ["所属单位无效"];
        if (request.DisplayName is { Length: > 64 }) errors["displayName"] = ["姓名不能超过64个字符"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        var regionChanged = user.RegionCode != region!.Code;
        var changes = new List<string>();
        if (regionChanged) changes.Add($"地区 {user.RegionCode}→{region.Code}");
        if (removed.Count + added.Count > 0) changes.Add($"角色 {string.Join(",", current)}→{string.Join(",", roles)}");
        var newName = request.DisplayName?.Trim() is { Length: > 0 } n ? n : user.DisplayName;
        if (newName != user.DisplayName) changes.Add($"姓名 {user.DisplayName}→{newName}");
        if (request.OrgUnitId != user.OrgUnitId)
        {
            var unitIds = new[] { user.OrgUnitId, request.OrgUnitId }.OfType<long>().ToList();
            var unitNames = await db.OrgUnits.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
            string UnitName(long? unit) => unit is { } u ? unitNames.GetValueOrDefault(u, u.ToString()) : "无";
            changes.Add($"所属单位 {UnitName(user.OrgUnitId)}→{UnitName(request.OrgUnitId)}");
        }

        user.RegionCode = region.Code;
        user.DisplayName = newName;
        user.OrgUnitId = request.OrgUnitId;
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        if (added.Count > 0) await users.AddToRolesAsync(user, added);
        // A new stamp ends the sessions (a change of roles gave one already; a change of region needs its own).
        if (regionChanged) await users.UpdateSecurityStampAsync(user);
        else if (removed.Count + added.Count == 0) await users.UpdateAsync(user);
        await db.LogAsync("user-update", "User", user.Id,
            $"修改用户 {user.UserName}" + (changes.Count > 0 ? "：" + string.Join("；", changes) : ""), user.RegionCode);
        return TypedResults.NoContent();
    }
}
