using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;
using Tongxin.Common.Http;

namespace Tongxin.Features.Positions;

public static class UpdateFigureRecord
{
    /// <summary>Replaces a position's or honour's fields (version check → 409).</summary>
    public static async Task<Results<Ok<TItem>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle<TInput, TEntity, TItem>(
        long id, TInput input, TongxinDb db)
        where TInput : IFigureRecordInput<TInput, TEntity, TItem>
        where TEntity : class, IFigureOwned, IVersioned
    {
        var record = await db.Set<TEntity>().FirstOrDefaultAsync(x => EF.Property<long>(x, "Id") == id);
        if (record is null) return Problems.NotFound(TInput.What);
        var errors = new Dictionary<string, string[]>();
        var apply = input.Check(new DictionaryCodes(db), errors);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != record.Version) return Problems.Conflict();
        apply(record);
        db.Entry(record).Property(x => x.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return TypedResults.Ok(TInput.ToItem(record));
    }
}
