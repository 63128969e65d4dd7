using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Accounts;

public static class UpdateAccount
{
    /// <summary>Changes an account; changed metrics become today's snapshot (version check → 409).</summary>
    public static async Task<Results<Ok<AccountItem>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, AccountInput input, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var errors = input.Validate(new DictionaryCodes(db), out var platform);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != account.Version) return Problems.Conflict();
        var handle = ChineseText.Normalize(input.Handle);
        if (await AccountInput.IsTakenAsync(db, platform!, handle, account.Id)) return Problems.Validation("handle", AccountInput.TakenMessage);
        account.Platform = platform!;
        account.Handle = handle;
        account.Url = input.Url?.Trim();
        if (input.Followers != account.Followers || input.Likes != account.Likes || input.Works != account.Works)
        {
            var today = MetricSnapshot.Today();
            await db.Entry(account).Collection(a => a.Snapshots).Query().Where(s => s.Date == today).LoadAsync();
            account.Record(today, input.Followers ?? account.Followers, input.Likes, input.Works, MetricSource.Staff);
        }
        account.Figure!.RecomputeAccountStats();
        db.Entry(account).Property(a => a.Version).OriginalValue = input.Version.Value;
        if (await AccountInput.SaveAsync(db) is { } taken) return taken;
        return TypedResults.Ok(AccountInput.ToItem(account));
    }
}
