using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.OrgUnits;

public static class UpdateOrgUnit
{
    /// <summary>Replaces the unit's fields (version check → 409).</summary>
    public static async Task<Results<Ok<OrgUnitItem>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, OrgUnitInput input, TongxinDb db)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return Problems.NotFound("单位");
        var errors = await input.Validate(db, id);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != unit.Version) return Problems.Conflict();
        input.ApplyTo(unit);
        db.Entry(unit).Property(u => u.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        var users = await db.Users.CountAsync(u => u.OrgUnitId == id);
        var regionName = await db.Regions.Where(r => r.Code == unit.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync() ?? unit.RegionCode;
        return TypedResults.Ok(new OrgUnitItem(unit.Id, unit.Name, unit.Kind, unit.RegionCode, regionName, unit.ParentId, unit.Contact, unit.Phone,
            users, unit.Version));
    }
}
