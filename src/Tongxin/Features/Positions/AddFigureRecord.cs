using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;
using Tongxin.Common.Http;

namespace Tongxin.Features.Positions;

public static class AddFigureRecord
{
    /// <summary>Adds a position or honour to a figure the caller may see.</summary>
    public static async Task<Results<Created<TItem>, ValidationProblem, NotFoundProblem>> Handle<TInput, TEntity, TItem>(
        long id, TInput input, TongxinDb db)
        where TInput : IFigureRecordInput<TInput, TEntity, TItem>
        where TEntity : class, IFigureOwned, IVersioned
    {
        if (!await db.Figures.AnyAsync(f => f.Id == id)) return Problems.NotFound("人士");
        var errors = new Dictionary<string, string[]>();
        var apply = input.Check(new DictionaryCodes(db), errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var record = TInput.New(id);
        apply(record);
        db.Set<TEntity>().Add(record);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/{TInput.Route}/{TInput.IdOf(record)}", TInput.ToItem(record));
    }
}
