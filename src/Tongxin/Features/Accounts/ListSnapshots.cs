using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Accounts;

public sealed record SnapshotItem(long Id, DateOnly Date, long Followers, long? Likes, long? Works, string Source)
{
    public static SnapshotItem From(MetricSnapshot s) => new(s.Id, s.Date, s.Followers, s.Likes, s.Works, SourceName(s.Source));

    public static string SourceName(MetricSource s) => s switch
    {
        MetricSource.Self => "self",
        MetricSource.Import => "import",
        _ => "staff",
    };
}

public static class ListSnapshots
{
    /// <summary>An account's metrics history, oldest first.</summary>
    public static async Task<Results<Ok<List<SnapshotItem>>, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        if (!await db.PlatformAccounts.AnyAsync(a => a.Id == id)) return Problems.NotFound("账号");
        return TypedResults.Ok(await db.MetricSnapshots.AsNoTracking().Where(s => s.AccountId == id).OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new SnapshotItem(s.Id, s.Date, s.Followers, s.Likes, s.Works, SnapshotItem.SourceName(s.Source))).ToListAsync());
    }
}
