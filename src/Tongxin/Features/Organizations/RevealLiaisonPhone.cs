using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public static class RevealLiaisonPhone
{
    /// <summary>Shows the liaison's phone in full; every reveal is written to the access log.</summary>
    public static async Task<Results<Ok<RevealResponse>, NotFoundProblem>> Handle(long id, TongxinDb db, FieldProtector protector)
    {
        var o = await db.Organizations.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.RegionCode, x.LiaisonPhoneCipher }).FirstOrDefaultAsync();
        if (o is null) return Problems.NotFound("单位");
        await db.LogAsync(AuditActions.Reveal, nameof(Organization), o.Id.ToString(), $"查看 {o.Name} 的联络员电话", o.RegionCode);
        return TypedResults.Ok(new RevealResponse(protector.Decrypt(o.LiaisonPhoneCipher)));
    }
}
