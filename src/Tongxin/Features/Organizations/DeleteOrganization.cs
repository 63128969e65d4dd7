using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public static class DeleteOrganization
{
    /// <summary>Removes the organization and its links; the linked figures' search keys lose its name.</summary>
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        var o = await db.Organizations.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var figureIds = o.Members.Select(m => m.FigureId).ToList();
        db.Organizations.Remove(o);
        await db.SaveChangesAsync();
        if (figureIds.Count > 0) await FigureSearchIndexer.RebuildAsync(db, figureIds, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
