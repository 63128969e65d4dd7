using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

/// <summary>DELETE /api/import-mappings/{id}: forgets a remembered mapping (audited); another region's answers 404.</summary>
public static class DeleteImportMapping
{
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        var mapping = await db.ImportMappings.FirstOrDefaultAsync(m => m.Id == id);
        if (mapping is null) return Problems.NotFound("导入对应");
        db.ImportMappings.Remove(mapping);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
