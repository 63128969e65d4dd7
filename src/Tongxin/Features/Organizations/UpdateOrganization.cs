using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;

namespace Tongxin.Features.Organizations;

public static class UpdateOrganization
{
    /// <summary>Replaces the editable fields (version check → 409); linked figures have their own routes.</summary>
    public static async Task<Results<Ok<OrganizationDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, OrganizationInput input, TongxinDb db, FieldProtector protector)
    {
        // Members are loaded so a rename re-keys the linked figures' search entries.
        var o = await db.Organizations.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var (errors, region, type, credit) = await input.Validate(db, id);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != o.Version) return Problems.Conflict();
        input.ApplyTo(o, region!, type, credit, protector);
        db.Entry(o).Property(x => x.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return await GetOrganization.Load(db, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("单位");
    }
}
