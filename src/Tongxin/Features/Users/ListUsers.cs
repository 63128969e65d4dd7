using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Users;

public sealed record UserItem(string Id, string UserName, string DisplayName, string RegionCode, string RegionName,
    IReadOnlyList<string> Roles, bool IsLockedOut, bool MustChangePassword, long? OrgUnitId, string? OrgUnitName, bool IsDisabled);

public static class ListUsers
{
    /// <summary>Users whose region is in the caller's subtree, by user name, offset paging.</summary>
    public static async Task<Ok<Paged<UserItem>>> Handle(TongxinDb db, string? q, int page = 1, int pageSize = 20)
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
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var codes = users.Select(u => u.RegionCode).Distinct().ToList();
        var regionNames = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName);
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
