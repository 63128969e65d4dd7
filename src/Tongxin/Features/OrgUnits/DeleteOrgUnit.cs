using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.OrgUnits;

public static class DeleteOrgUnit
{
    /// <summary>Removes an empty unit; one that still has users, sub-units or records of other features referring to it answers 409.</summary>
    public static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Handle(long id, TongxinDb db)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return Problems.NotFound("单位");
        if (await db.Users.AnyAsync(u => u.OrgUnitId == id)) return Problems.Conflict("该单位下还有用户，不能删除");
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == id)) return Problems.Conflict("该单位下还有下级单位，不能删除");
        if (await OrgUnitReferences.Describe(db, id) is { Count: > 0 } refs)
            return Problems.Conflict($"该单位还有{string.Join("、", refs)}，不能删除");
        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
