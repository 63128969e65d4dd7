using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record EndAssignmentRequest(DateOnly? EndOn, string? Reason);

public static class EndAssignment
{
    /// <summary>Ends an active assignment; the row stays as history. Ending twice is a 409 naming the end date.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, EndAssignmentRequest request, TongxinDb db)
    {
        var assignment = await db.LiaisonAssignments.FirstOrDefaultAsync(a => a.Id == id);
        if (assignment is null) return Problems.NotFound("联系关系");
        if (!assignment.IsActive) return Problems.Conflict($"该联系关系已于{assignment.EndOn:yyyy-MM-dd}结束");
        if (request.EndOn is null) return Problems.Validation("endOn", "请填写结束日期");
        assignment.End(request.EndOn.Value, request.Reason, Cadres.Today());
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
