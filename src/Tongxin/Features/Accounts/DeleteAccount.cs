using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Accounts;

public static class DeleteAccount
{
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var figure = account.Figure!;
        figure.Accounts.Remove(account);
        db.PlatformAccounts.Remove(account);
        figure.RecomputeAccountStats();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
