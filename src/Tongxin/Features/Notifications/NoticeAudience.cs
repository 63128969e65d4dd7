using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Notifications;

/// <summary>
/// Whom a notice addresses, as the request names it: <c>members</c> (member users of a region subtree, the
/// publisher's own region by default), <c>category</c> (members whose figure has that category, in the subtree),
/// <c>keyFigures</c> (members whose figure has a key level, in the subtree) or <c>orgUnit</c> (the users of one org unit in scope).
/// </summary>
public sealed record NoticeAudienceInput(string? Kind, string? RegionCode, long? OrgUnitId, string? Category = null);

public static class NoticeAudience
{
    public const string Members = "members";
    public const string OrgUnit = "orgUnit";
    public const string Category = "category";
    public const string KeyFigures = "keyFigures";

    /// <summary>Checks the audience against the publisher's scope and fills it onto the notice; field errors otherwise.</summary>
    public static async Task Resolve(TongxinDb db, NoticeAudienceInput? input, string publisherRegion, Notice notice, Dictionary<string, string[]> errors)
    {
        switch (input?.Kind)
        {
            case Members or Category or KeyFigures:
                var code = string.IsNullOrWhiteSpace(input.RegionCode) ? publisherRegion : input.RegionCode.Trim();
                var region = await ScopedRegions.InScope(db, code);
                if (region is null) { errors["audience.regionCode"] = [ScopedRegions.UnknownRegionMessage]; return; }
                notice.AudienceKind = input.Kind;
                notice.AudienceRegionCode = region.Code;
                notice.AudienceRegionPrefix = Region.ScopePrefix(region.Code, region.Level);
                notice.AudienceLabel = $"{region.FullName}的网络人士";
                if (input.Kind == KeyFigures) notice.AudienceLabel = $"{region.FullName}的重点网络人士";
                if (input.Kind == Category)
                {
                    var label = input.Category is { Length: > 0 } c
                        ? await db.DictionaryItems.AsNoTracking().Where(d => d.Type == "category" && d.Code == c).Select(d => d.Label).FirstOrDefaultAsync()
                        : null;
                    if (label is null) { errors["audience.category"] = ["请选择有效的人士类别"]; return; }
                    notice.AudienceValue = input.Category;
                    notice.AudienceLabel = $"{region.FullName}的{label}";
                }
                return;
            case OrgUnit:
                var unit = input.OrgUnitId is { } id ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) : null;
                if (unit is null) { errors["audience.orgUnitId"] = ["单位不存在或无权查看"]; return; }
                notice.AudienceKind = OrgUnit;
                notice.AudienceRegionCode = unit.RegionCode;
                notice.AudienceValue = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                notice.AudienceLabel = $"{unit.Name}的用户";
                return;
            default:
                errors["audience.kind"] = ["请选择发送对象（网络人士、某类人士、重点人士或单位用户）"];
                return;
        }
    }

    /// <summary>The recipients' user ids of a notice, in id order (the fan-out walks them in batches from a cursor).</summary>
    public static async Task<IQueryable<string>> UsersAsync(TongxinDb db, Notice notice, CancellationToken ct)
    {
        switch (notice.AudienceKind)
        {
            case Members:
                var range = RegionRange.ForPrefix(notice.AudienceRegionPrefix!);
                var role = await MemberRoleAsync(db, ct);
                return from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       where ur.RoleId == role && string.Compare(u.RegionCode, range.Low) >= 0 && string.Compare(u.RegionCode, range.High) < 0
                       select u.Id;
            case Category or KeyFigures:
                // Members through their own figure: the figure's region and category or key level decide.
                var r2 = RegionRange.ForPrefix(notice.AudienceRegionPrefix!);
                var memberRole = await MemberRoleAsync(db, ct);
                var category = notice.AudienceValue;
                var key = notice.AudienceKind == KeyFigures;
                return from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join f in db.Figures.IgnoreQueryFilters() on u.FigureId equals f.Id
                       where ur.RoleId == memberRole && f.Status == Figures.FigureStatus.Active
                             && string.Compare(f.RegionCode, r2.Low) >= 0 && string.Compare(f.RegionCode, r2.High) < 0
                             && (key ? f.KeyLevel != null : f.Category == category)
                       select u.Id;
            case OrgUnit:
                var unit = long.Parse(notice.AudienceValue!, System.Globalization.CultureInfo.InvariantCulture);
                return db.Users.Where(u => u.OrgUnitId == unit).Select(u => u.Id);
            default:
                throw new InvalidOperationException($"unknown notice audience '{notice.AudienceKind}'");
        }
    }

    private static async Task<string> MemberRoleAsync(TongxinDb db, CancellationToken ct) =>
        await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstOrDefaultAsync(ct) ?? "";
}
