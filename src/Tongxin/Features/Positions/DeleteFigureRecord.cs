using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Http;

namespace Tongxin.Features.Positions;

public static class DeleteFigureRecord
{
    public static async Task<Results<NoContent, NotFoundProblem>> Handle<TInput, TEntity, TItem>(long id, TongxinDb db)
        where TInput : IFigureRecordInput<TInput, TEntity, TItem>
        where TEntity : class, IFigureOwned, IVersioned
    {
        var record = await db.Set<TEntity>().FirstOrDefaultAsync(x => EF.Property<long>(x, "Id") == id);
        if (record is null) return Problems.NotFound(TInput.What);
        db.Set<TEntity>().Remove(record);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
