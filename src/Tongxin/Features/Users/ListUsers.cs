using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Users;

public sealed record UserItem(string Id, string UserName, string DisplayName, string RegionCode, string RegionName,
    IReadOnlyList<string> Roles, bool IsLockedOut, bool MustChangePassword, long? OrgUnitId, string? OrgUnitName, bool IsDisabled);

public static class ListUsers
{
    public const string Active = "active";
    public const string Disabled = "disabled";

    /// <summary>
    /// Users whose region is in the caller's subtree, by user name, offset paging; narrowed by a role, a region's
    /// subtree (an out-of-scope code is a field error like an unknown one) and a state (<c>active</c> or
    /// <c>disabled</c>).
    /// </summary>
    public static async Task<Results<Ok<Paged<UserItem>>, ValidationProblem>> Handle(TongxinDb db, string? q, string? role, string? regionCode,
        string? state, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var scope = db.Scope;
        var query = db.Users.AsNoTracking();
        if (!scope.IsUnrestricted)
            query = query.Where(u => string.Compare(u.RegionCode, scope.Range.Low) >= 0 && string.Compare(u.RegionCode, scope.Range.High) < 0);
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            if (await ScopedRegions.SubtreeInScope(db, regionCode) is not { } range)
                return Problems.Validation("regionCode", ScopedRegions.UnknownRegionMessage);
            query = query.Where(u => string.Compare(u.RegionCode, range.Low) >= 0 && string.Compare(u.RegionCode, range.High) < 0);
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            if (!Roles.All.Contains(role)) return Problems.Validation("role", "角色无效");
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        switch (state)
        {
            case null or "": break;
            // Equality only: SQLite cannot order DateTimeOffset, and disabling sets exactly this value.
            case Active: query = query.Where(u => u.LockoutEnd == null || u.LockoutEnd != DisableUser.Forever); break;
            case Disabled: query = query.Where(u => u.LockoutEnd == DisableUser.Forever); break;
            default: return Problems.Validation("state", "状态应为 active 或 disabled");
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(term) || u.DisplayName.Contains(q.Trim()));
        }
        var total = await query.CountAsync();
        var users = await query.OrderBy(u => u.UserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var regionNames = await RegionNames.FullNamesAsync(db, users.Select(u => u.RegionCode));
        var unitIds = users.Where(u => u.OrgUnitId != null).Select(u => u.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var now = DateTimeOffset.UtcNow;
        return TypedResults.Ok(new Paged<UserItem>(users.Select(u => new UserItem(
            u.Id, u.UserName!, u.DisplayName, u.RegionCode, regionNames.GetValueOrDefault(u.RegionCode, ""),
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            u.LockoutEnd > now, u.MustChangePassword, u.OrgUnitId,
            u.OrgUnitId is { } unit ? unitNames.GetValueOrDefault(unit) : null, DisableUser.IsDisabled(u))).ToList(), total));
    }
}
