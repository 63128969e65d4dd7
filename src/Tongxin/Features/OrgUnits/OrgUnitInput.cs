using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;

namespace Tongxin.Features.OrgUnits;

/// <summary>The editable fields of a unit, shared by create and update.</summary>
public sealed record OrgUnitInput(string? Name, string? Kind, string? RegionCode, long? ParentId, string? Contact, string? Phone, int? Version)
{
    public async Task<Dictionary<string, string[]>> Validate(TongxinDb db, long? selfId)
    {
        var errors = new Dictionary<string, string[]>();
        var name = ChineseText.Normalize(Name);
        if (name.Length == 0) errors["name"] = ["请填写单位名称"];
        else if (name.Length > 100) errors["name"] = ["单位名称不能超过100个字"];
        if (Kind is null || !OrgUnit.Kinds.ContainsKey(Kind)) errors["kind"] = ["请选择单位类型"];
        if (await ScopedRegions.InScope(db, RegionCode) is null)
            errors["regionCode"] = [string.IsNullOrWhiteSpace(RegionCode) ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        if (ParentId is { } parent && (parent == selfId || !await db.OrgUnits.AnyAsync(u => u.Id == parent)))
            errors["parentId"] = ["上级单位无效"];
        if (!string.IsNullOrWhiteSpace(Phone) && !PhoneNumber.Parse(Phone).IsValid) errors["phone"] = ["联系电话格式不正确"];
        return errors;
    }

    public void ApplyTo(OrgUnit unit)
    {
        unit.Name = ChineseText.Normalize(Name);
        unit.Kind = Kind!;
        unit.RegionCode = RegionCode!.Trim();
        unit.ParentId = ParentId;
        unit.Contact = ChineseText.Normalize(Contact) is { Length: > 0 } c ? c : null;
        unit.Phone = ChineseText.Normalize(Phone) is { Length: > 0 } p ? p : null;
    }
}
