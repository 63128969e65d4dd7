using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.OrgUnits;

public sealed record OrgUnitCreated(long Id);

public static class CreateOrgUnit
{
    public static async Task<Results<Created<OrgUnitCreated>, ValidationProblem>> Handle(OrgUnitInput input, TongxinDb db)
    {
        var errors = await input.Validate(db, null);
        if (errors.Count > 0) return Problems.Validation(errors);
        var unit = new OrgUnit { Name = "", Kind = "", RegionCode = "" };
        input.ApplyTo(unit);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/org-units/{unit.Id}", new OrgUnitCreated(unit.Id));
    }
}
