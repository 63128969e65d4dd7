using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;

namespace Tongxin.Features.OrgUnits;

public sealed record OrgUnitItem(long Id, string Name, string Kind, string RegionCode, string RegionName, long? ParentId,
    string? Contact, string? Phone, int UserCount, int Version);
public sealed record OrgUnitInput(string? Name, string? Kind, string? RegionCode, long? ParentId, string? Contact, string? Phone, int? Version);
public sealed record OrgUnitCreated(long Id);

public static class OrgUnitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/org-units").WithTags("OrgUnits");
        g.MapGet("/", List); // any signed-in user: forms need the list of units in their region
        g.MapPost("/", Create).RequireAuthorization(Permissions.RegionsManage).Produces<OrgUnitCreated>(201);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Permissions.RegionsManage).Produces<OrgUnitItem>();
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(Permissions.RegionsManage);
    }

    public static async Task<Ok<List<OrgUnitItem>>> List(TongxinDb db)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.RegionCode).ThenBy(u => u.Name).ToListAsync();
        var codes = units.Select(u => u.RegionCode).Distinct().ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName);
        var ids = units.Select(u => (long?)u.Id).ToList();
        var counts = await db.Users.Where(u => ids.Contains(u.OrgUnitId)).GroupBy(u => u.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count);
        return TypedResults.Ok(units.Select(u => new OrgUnitItem(u.Id, u.Name, u.Kind, u.RegionCode, names.GetValueOrDefault(u.RegionCode, u.RegionCode),
            u.ParentId, u.Contact, u.Phone, counts.GetValueOrDefault(u.Id), u.Version)).ToList());
    }

    private static async Task<Dictionary<string, string[]>> Validate(OrgUnitInput input, TongxinDb db, long? selfId)
    {
        var errors = new Dictionary<string, string[]>();
        var name = ChineseText.Normalize(input.Name);
        if (name.Length == 0) errors["name"] = ["请填写单位名称"];
        else if (name.Length > 100) errors["name"] = ["单位名称不能超过100个字"];
        if (input.Kind is null || !OrgUnit.Kinds.ContainsKey(input.Kind)) errors["kind"] = ["请选择单位类型"];
        if (await ScopedRegions.InScope(db, input.RegionCode) is null)
            errors["regionCode"] = [string.IsNullOrWhiteSpace(input.RegionCode) ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        if (input.ParentId is { } parent && (parent == selfId || !await db.OrgUnits.AnyAsync(u => u.Id == parent)))
            errors["parentId"] = ["上级单位无效"];
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhoneNumber.Parse(input.Phone).IsValid) errors["phone"] = ["联系电话格式不正确"];
        return errors;
    }

    public static async Task<IResult> Create(OrgUnitInput input, TongxinDb db)
    {
        var errors = await Validate(input, db, null);
        if (errors.Count > 0) return Problems.Validation(errors);
        var unit = new OrgUnit { Name = ChineseText.Normalize(input.Name), Kind = input.Kind!, RegionCode = input.RegionCode!.Trim() };
        Apply(unit, input);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/org-units/{unit.Id}", new OrgUnitCreated(unit.Id));
    }

    public static async Task<IResult> Update(long id, OrgUnitInput input, TongxinDb db)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return Problems.NotFound("单位");
        var errors = await Validate(input, db, id);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != unit.Version) return Problems.Conflict();
        unit.Name = ChineseText.Normalize(input.Name);
        unit.Kind = input.Kind!;
        unit.RegionCode = input.RegionCode!.Trim();
        Apply(unit, input);
        db.Entry(unit).Property(u => u.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        var users = await db.Users.CountAsync(u => u.OrgUnitId == id);
        var regionName = await db.Regions.Where(r => r.Code == unit.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync() ?? unit.RegionCode;
        return TypedResults.Ok(new OrgUnitItem(unit.Id, unit.Name, unit.Kind, unit.RegionCode, regionName, unit.ParentId, unit.Contact, unit.Phone, users, unit.Version));
    }

    public static async Task<IResult> Delete(long id, TongxinDb db)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return Problems.NotFound("单位");
        if (await db.Users.AnyAsync(u => u.OrgUnitId == id)) return Problems.Conflict("该单位下还有用户，不能删除");
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == id)) return Problems.Conflict("该单位下还有下级单位，不能删除");
        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static void Apply(OrgUnit unit, OrgUnitInput input)
    {
        unit.ParentId = input.ParentId;
        unit.Contact = ChineseText.Normalize(input.Contact) is { Length: > 0 } c ? c : null;
        unit.Phone = ChineseText.Normalize(input.Phone) is { Length: > 0 } p ? p : null;
    }
}
