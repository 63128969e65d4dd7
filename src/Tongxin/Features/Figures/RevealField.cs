using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;

namespace Tongxin.Features.Figures;

public static class RevealField
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["idNumber"] = "身份证号",
        ["phone"] = "联系电话",
        ["homeAddress"] = "家庭住址",
    };

    /// <summary>Shows one sensitive field in full; every reveal is written to the access log.</summary>
    public static async Task<Results<Ok<RevealResponse>, ValidationProblem, NotFoundProblem>> Handle(long id, RevealRequest request, TongxinDb db, FieldProtector protector)
    {
        if (request.Field is null || !Labels.TryGetValue(request.Field, out var label))
            return Problems.Validation("field", "字段无效");
        var f = await db.Figures.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.RegionCode, x.Name, x.IdNumberCipher, x.PhoneCipher, x.HomeAddressCipher })
            .FirstOrDefaultAsync();
        if (f is null) return Problems.NotFound("人士");
        var cipher = request.Field switch
        {
            "idNumber" => f.IdNumberCipher,
            "phone" => f.PhoneCipher,
            _ => f.HomeAddressCipher,
        };
        await db.LogAsync(AuditActions.Reveal, nameof(Figure), f.Id.ToString(), $"查看 {f.Name} 的{label}", f.RegionCode, f.Id);
        return TypedResults.Ok(new RevealResponse(protector.Decrypt(cipher)));
    }
}
