using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public sealed record OrganizationCreated(long Id);

public static class CreateOrganization
{
    public static async Task<Results<Created<OrganizationCreated>, ValidationProblem>> Handle(OrganizationInput input, TongxinDb db, FieldProtector protector)
    {
        var (errors, region, type, credit) = await input.Validate(db, null);
        if (errors.Count > 0) return Problems.Validation(errors);
        var o = new Organization { Name = "", RegionCode = region! };
        input.ApplyTo(o, region!, type, credit, protector);
        db.Organizations.Add(o);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/organizations/{o.Id}", new OrganizationCreated(o.Id));
    }
}
