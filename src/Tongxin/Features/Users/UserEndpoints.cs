using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Users;

public sealed record UserItem(string Id, string UserName, string DisplayName, string RegionCode, string RegionName,
    IReadOnlyList<string> Roles, bool IsLockedOut, bool MustChangePassword, long? OrgUnitId, string? OrgUnitName);
public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, string? RegionCode, List<string>? Roles,
    long? OrgUnitId = null);
public sealed record CreatedId(string Id);
public sealed record ResetPasswordRequest(string? NewPassword);

public static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Permissions.UsersManage);
        g.MapGet("/", List);
        g.MapPost("/", Create).Produces<CreatedId>(201);
        g.MapPost("/{id}/reset-password", ResetPassword);
        g.MapPost("/{id}/unlock", Unlock);
    }

    public static async Task<Ok<Paged<UserItem>>> List(TongxinDb db, string? q, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var scope = db.Scope;
        var query = db.Users.AsNoTracking();
        if (!scope.IsUnrestricted)
            query = query.Where(u => string.Compare(u.RegionCode, scope.Range.Low) >= 0 && string.Compare(u.RegionCode, scope.Range.High) < 0);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(term) || u.DisplayName.Contains(q.Trim()));
        }
        var total = await query.CountAsync();
        var users = await query.OrderBy(u => u.UserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync();
        var codes = users.Select(u => u.RegionCode).Distinct().ToList();
        var regionNames = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName);
        var unitIds = users.Where(u => u.OrgUnitId != null).Select(u => u.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var now = DateTimeOffset.UtcNow;
        return TypedResults.Ok(new Paged<UserItem>(users.Select(u => new UserItem(
            u.Id, u.UserName!, u.DisplayName, u.RegionCode, regionNames.GetValueOrDefault(u.RegionCode, ""),
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            u.LockoutEnd > now, u.MustChangePassword, u.OrgUnitId,
            u.OrgUnitId is { } unit ? unitNames.GetValueOrDefault(unit) : null)).ToList(), total));
    }

    public static async Task<IResult> Create(CreateUserRequest request, ClaimsPrincipal me, TongxinDb db, UserManager<AppUser> users)
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
            UserName = name, DisplayName = request.DisplayName?.Trim() is { Length: > 0 } d ? d : name!,
            RegionCode = region!.Code, MustChangePassword = true, CreatedAt = DateTime.UtcNow, OrgUnitId = request.OrgUnitId,
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

    private static async Task<AppUser?> FindInScope(UserManager<AppUser> users, IDataScope scope, string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is not null && (scope.IsUnrestricted || scope.Range.Contains(user.RegionCode)) ? user : null;
    }

    public static async Task<IResult> ResetPassword(string id, ResetPasswordRequest request, TongxinDb db, UserManager<AppUser> users)
    {
        var user = await FindInScope(users, db.Scope, id);
        if (user is null) return Problems.NotFound("用户");
        if (string.IsNullOrEmpty(request.NewPassword)) return Problems.Validation("newPassword", "请填写新密码");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!result.Succeeded) return Problems.Validation("newPassword", string.Join("；", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.LogAsync("user-reset-password", "User", user.Id, $"重置用户 {user.UserName} 的密码", user.RegionCode);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Unlock(string id, TongxinDb db, UserManager<AppUser> users)
    {
        var user = await FindInScope(users, db.Scope, id);
        if (user is null) return Problems.NotFound("用户");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.LogAsync("user-unlock", "User", user.Id, $"解锁用户 {user.UserName}", user.RegionCode);
        return TypedResults.NoContent();
    }
}
