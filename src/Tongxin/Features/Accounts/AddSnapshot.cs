using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Accounts;

public sealed record SnapshotInput(string? Date, long? Followers, long? Likes, long? Works, string? Source);

public static class AddSnapshot
{
    /// <summary>Records dated metrics; the latest date becomes the account's current metrics (same values on the same day → 422).</summary>
    public static async Task<Results<Created<SnapshotItem>, ValidationProblem, NotFoundProblem>> Handle(long id, SnapshotInput input, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var errors = new Dictionary<string, string[]>();
        var today = MetricSnapshot.Today();
        var date = today;
        if (!string.IsNullOrWhiteSpace(input.Date))
        {
            if (!DateOnly.TryParse(input.Date, out date)) errors["date"] = ["日期格式不正确"];
            else if (date > today) errors["date"] = ["日期不能晚于今天"];
        }
        if (input.Followers is null) errors["followers"] = ["请填写粉丝数"];
        else if (input.Followers < 0) errors["followers"] = ["粉丝数不能为负数"];
        if (input.Likes < 0) errors["likes"] = ["获赞数不能为负数"];
        if (input.Works < 0) errors["works"] = ["作品数不能为负数"];
        var source = input.Source switch { null or "staff" => MetricSource.Staff, "self" => MetricSource.Self, "import" => MetricSource.Import, _ => (MetricSource?)null };
        if (source is null) errors["source"] = ["来源应为 self、staff 或 import"];
        if (errors.Count > 0) return Problems.Validation(errors);
        await db.Entry(account).Collection(a => a.Snapshots).Query().Where(s => s.Date == date).LoadAsync();
        var snapshot = account.Record(date, input.Followers!.Value, input.Likes, input.Works, source!.Value)
            ?? throw new DomainException("该日期已有相同的数据");
        account.Figure!.RecomputeAccountStats();
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/accounts/{id}/snapshots", SnapshotItem.From(snapshot));
    }
}
