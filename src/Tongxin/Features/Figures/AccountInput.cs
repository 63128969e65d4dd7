using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;

namespace Tongxin.Features.Figures;

/// <summary>The editable fields of an account, shared by create and update.</summary>
public sealed record AccountInput(string? Platform, string? Handle, string? Url, long? Followers, long? Likes, long? Works, int? Version)
{
    public Dictionary<string, string[]> Validate(DictionaryCodes codes, out string? platform)
    {
        var errors = new Dictionary<string, string[]>();
        platform = string.IsNullOrWhiteSpace(Platform) ? null : codes.Resolve("platform", Platform.Trim());
        if (platform is null) errors["platform"] = [string.IsNullOrWhiteSpace(Platform) ? "请选择平台" : "平台不在字典中"];
        var handle = ChineseText.Normalize(Handle);
        if (handle.Length == 0) errors["handle"] = ["请填写账号"];
        else if (handle.Length > 100) errors["handle"] = ["账号不能超过100个字"];
        if (Url is { Length: > 0 } url && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            errors["url"] = ["链接应以 http:// 或 https:// 开头"];
        if (Followers < 0) errors["followers"] = ["粉丝数不能为负数"];
        if (Likes < 0) errors["likes"] = ["获赞数不能为负数"];
        if (Works < 0) errors["works"] = ["作品数不能为负数"];
        return errors;
    }

    /// <summary>
    /// Whether another account, in any region, already has this handle on this platform: a handle has one owner.
    /// Out-of-scope owners are only reported as "registered", never shown.
    /// </summary>
    public static Task<bool> IsTakenAsync(TongxinDb db, string platform, string handle, long exceptId = 0)
    {
        var key = PlatformAccount.KeyOf(handle);
        return db.PlatformAccounts.IgnoreQueryFilters([TongxinDb.RegionScopeFilter])
            .AnyAsync(a => a.Platform == platform && a.HandleKey == key && a.Id != exceptId);
    }

    public const string TakenMessage = "该平台账号已登记";

    /// <summary>
    /// Saves, answering a handle that another writer registered between the check and the write (the unique index
    /// refused it) like the check does: a field error, not a 500.
    /// </summary>
    public static async Task<ValidationProblem?> SaveAsync(TongxinDb db, string field = "handle")
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException e) when (Duplicates.IsUniqueViolation(e, nameof(PlatformAccount.HandleKey)))
        {
            return Problems.Validation(field, TakenMessage);
        }
    }

    public static AccountItem ToItem(PlatformAccount a) =>
        new(a.Id, a.Platform, a.Handle, a.Url, a.Followers, a.Likes, a.Works, a.MetricsDate, a.Version);
}
