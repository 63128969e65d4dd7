using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

/// <summary>The cadres (users with the <c>cadre</c> role) of the caller's region, as assignments name them.</summary>
public static class Cadres
{
    /// <summary>The China calendar day: liaison dates are the offices' days.</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Users with the cadre role whose region lies in the caller's scope.</summary>
    public static IQueryable<AppUser> InScope(TongxinDb db)
    {
        var scope = db.Scope;
        var cadreRole = db.Roles.Where(r => r.Name == Roles.Cadre).Select(r => r.Id);
        var query = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && cadreRole.Contains(ur.RoleId)));
        if (!scope.IsUnrestricted)
            query = query.Where(u => string.Compare(u.RegionCode, scope.Range.Low) >= 0 && string.Compare(u.RegionCode, scope.Range.High) < 0);
        return query;
    }

    /// <summary>Whether the user id names a cadre the caller may assign figures to.</summary>
    public static Task<bool> Exists(TongxinDb db, string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? Task.FromResult(false) : InScope(db).AnyAsync(u => u.Id == userId);

    /// <summary>Display names by user id (for lists).</summary>
    public static Task<Dictionary<string, string>> Names(TongxinDb db, IEnumerable<string> ids)
    {
        var list = ids.Distinct().ToList();
        return db.Users.AsNoTracking().Where(u => list.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName! : u.DisplayName);
    }
}
