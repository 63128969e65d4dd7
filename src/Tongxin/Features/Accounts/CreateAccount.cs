using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Accounts;

public static class CreateAccount
{
    /// <summary>Adds an account to a figure with today's metrics; a handle is unique per platform across all regions.</summary>
    public static async Task<Results<Created<AccountItem>, ValidationProblem, NotFoundProblem>> Handle(long id, AccountInput input, TongxinDb db)
    {
        var figure = await db.Figures.Include(f => f.Accounts).FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("人士");
        var errors = input.Validate(new DictionaryCodes(db), out var platform);
        if (errors.Count > 0) return Problems.Validation(errors);
        var handle = ChineseText.Normalize(input.Handle);
        if (await AccountInput.IsTakenAsync(db, platform!, handle)) return Problems.Validation("handle", AccountInput.TakenMessage);
        var account = new PlatformAccount { Platform = platform!, Handle = handle, Url = input.Url?.Trim() };
        figure.Accounts.Add(account);
        account.Record(MetricSnapshot.Today(), input.Followers ?? 0, input.Likes, input.Works, MetricSource.Staff);
        figure.RecomputeAccountStats();
        if (await AccountInput.SaveAsync(db) is { } taken) return taken;
        return TypedResults.Created($"/api/accounts/{account.Id}", AccountInput.ToItem(account));
    }
}
