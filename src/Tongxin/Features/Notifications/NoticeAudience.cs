using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Notifications;

/// <summary>
/// Whom a notice addresses, as the request names it: <c>members</c> (member users of a region subtree, the
/// publisher's own region by default) or <c>orgUnit</c> (the users of one org unit in scope).
/// </summary>
public sealed record NoticeAudienceInput(string? Kind, string? RegionCode, long? OrgUnitId);

public static class NoticeAudience
{
    public const string Members = "members";
    public const string OrgUnit = "orgUnit";

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        [Members] = "网络人士",
        [OrgUnit] = "单位用户",
    };

    /// <summary>Checks the audience against the publisher's scope and fills it onto the notice; field errors otherwise.</summary>
    public static async Task Resolve(TongxinDb db, NoticeAudienceInput? input, string publisherRegion, Notice notice, Dictionary<string, string[]> errors)
    {
        switch (input?.Kind)
        {
            case Members:
                var code = string.IsNullOrWhiteSpace(input.RegionCode) ? publisherRegion : input.RegionCode.Trim();
                var region = await ScopedRegions.InScope(db, code);
                if (region is null) { errors["audience.regionCode"] = [ScopedRegions.UnknownRegionMessage]; return; }
                notice.AudienceKind = Members;
                notice.AudienceRegionCode = region.Code;
                notice.AudienceValue = Region.ScopePrefix(region.Code, region.Level);
                notice.AudienceLabel = $"{region.FullName}的网络人士";
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
                errors["audience.kind"] = ["请选择发送对象（网络人士或单位用户）"];
                return;
        }
    }

    /// <summary>The recipients' user ids of a notice, in id order (the fan-out walks them in batches from a cursor).</summary>
    public static async Task<IQueryable<string>> UsersAsync(TongxinDb db, Notice notice, CancellationToken ct)
    {
        switch (notice.AudienceKind)
        {
            case Members:
                var range = RegionRange.ForPrefix(notice.AudienceValue!);
                var role = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstOrDefaultAsync(ct) ?? "";
                return from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       where ur.RoleId == role && string.Compare(u.RegionCode, range.Low) >= 0 && string.Compare(u.RegionCode, range.High) < 0
                       select u.Id;
            case OrgUnit:
                var unit = long.Parse(notice.AudienceValue!, System.Globalization.CultureInfo.InvariantCulture);
                return db.Users.Where(u => u.OrgUnitId == unit).Select(u => u.Id);
            default:
                throw new InvalidOperationException($"unknown notice audience '{notice.AudienceKind}'");
        }
    }
}
