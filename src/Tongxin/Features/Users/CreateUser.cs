using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Users;

public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, string? RegionCode, List<string>? Roles,
    long? OrgUnitId = null);
public sealed record CreatedId(string Id);

public static class CreateUser
{
    /// <summary>Creates a user in the caller's subtree with roles no higher than the caller's; the first sign-in must change the password.</summary>
    public static async Task<Results<Created<CreatedId>, ValidationProblem>> Handle(CreateUserRequest request, ClaimsPrincipal me, TongxinDb db,
        UserManager<AppUser> users)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.UserName?.Trim();
        if (string.IsNullOrEmpty(name)) errors["userName"] = ["请填写用户名"];
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
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请填写初始密码"];
        if (request.OrgUnitId is { } unitId && !await db.OrgUnits.AnyAsync(o => o.Id == unitId)) errors["orgUnitId"] = ["所属单位无效"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var user = new AppUser
        {
            UserName = name,
            DisplayName = request.DisplayName?.Trim() is { Length: > 0 } d ? d : name!,
            RegionCode = region!.Code,
            MustChangePassword = true,
            CreatedAt = DateTime.UtcNow,
            OrgUnitId = request.OrgUnitId,
        };
        var result = await users.CreateAsync(user, request.Password!);
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.Contains("UserName")) ? "userName" : "password";
            return Problems.Validation(field, string.Join("；", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, roles);
        await db.LogAsync("user-create", "User", user.Id, $"创建用户 {user.UserName}（{string.Join(",", roles)}）", user.RegionCode);
        return TypedResults.Created($"/api/users/{user.Id}", new CreatedId(user.Id));
    }

    /// <summary>A user the caller may manage; outside the subtree answers like an unknown id.</summary>
    public static async Task<AppUser?> FindInScope(UserManager<AppUser> users, IDataScope scope, string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is not null && (scope.IsUnrestricted || scope.Range.Contains(user.RegionCode)) ? user : null;
    }
}
