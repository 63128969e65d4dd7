using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

/// <summary>The editable fields of an organization, shared by create and update.</summary>
public sealed record OrganizationInput(string? Name, string? Type, string? RegionCode, string? CreditCode, string? LiaisonOfficer,
    string? LiaisonPhone, string? Address, string? Description, bool? IsBase, string? BaseOffers, int? Version)
{
    /// <summary>Checks the input; the values to store come back resolved (region in scope, dictionary code, normalized credit code).</summary>
    public async Task<(Dictionary<string, string[]> Errors, string? Region, string? Type, string? Credit)> Validate(TongxinDb db, long? exceptId)
    {
        var errors = new Dictionary<string, string[]>();
        var name = ChineseText.Normalize(Name);
        if (name.Length == 0) errors["name"] = ["请填写单位名称"];
        else if (name.Length > 200) errors["name"] = ["单位名称不能超过200个字"];
        var region = await ScopedRegions.InScope(db, RegionCode);
        if (region is null) errors["regionCode"] = [string.IsNullOrWhiteSpace(RegionCode) ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        var type = string.IsNullOrWhiteSpace(Type) ? null : new DictionaryCodes(db).Resolve("organizationType", Type.Trim());
        if (!string.IsNullOrWhiteSpace(Type) && type is null) errors["type"] = ["单位类型不在字典中"];
        string? credit = null;
        if (!string.IsNullOrWhiteSpace(CreditCode))
        {
            var check = UnifiedCreditCode.Parse(CreditCode);
            if (!check.IsValid) errors["creditCode"] = [check.Error!];
            else
            {
                credit = check.Code;
                // Credit codes are unique across regions.
                if (await db.Organizations.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AnyAsync(o => o.CreditCode == credit && o.Id != exceptId))
                    errors["creditCode"] = ["该统一社会信用代码已登记"];
            }
        }
        if (!string.IsNullOrWhiteSpace(LiaisonPhone) && !PhoneNumber.Parse(LiaisonPhone).IsValid)
            errors["liaisonPhone"] = ["联系电话格式不正确"];
        return (errors, region?.Code, type, credit);
    }

    /// <summary>A null liaison phone keeps the stored one (the form shows it masked); an empty one clears it.</summary>
    public void ApplyTo(Organization o, string region, string? type, string? credit, FieldProtector protector)
    {
        o.Name = ChineseText.Normalize(Name);
        o.Type = type;
        o.RegionCode = region;
        o.CreditCode = credit;
        o.LiaisonOfficer = NullIfEmpty(LiaisonOfficer);
        if (LiaisonPhone is not null)
        {
            var phone = NullIfEmpty(LiaisonPhone);
            o.LiaisonPhoneCipher = protector.Encrypt(phone);
            o.LiaisonPhoneMasked = phone is null ? null : PhoneNumber.Mask(phone);
        }
        o.Address = NullIfEmpty(Address);
        o.Description = NullIfEmpty(Description);
        o.IsBase = IsBase ?? false;
        o.BaseOffers = NullIfEmpty(BaseOffers);
    }

    public static string? NullIfEmpty(string? s) => ChineseText.Normalize(s) is { Length: > 0 } t ? t : null;
}
