using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record ReturnHelpRequestInput(string? Reason, int? Version);

public static class ReturnHelpRequest
{
    /// <summary>A member unit returns its part (退回) with a reason, e.g. not within its remit.</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, ReturnHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = HelpRequestTransition.Text(input.Reason, "reason", "请填写退回原因", 1000, errors);
        return HelpRequestTransition.RunForUnit(id, input.Version, errors, db, user, (r, who, now, unit) => r.Return(who, now, unit, reason));
    }
}
