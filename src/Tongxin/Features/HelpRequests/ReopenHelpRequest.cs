using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record ReopenHelpRequestInput(string? Reason, int? Version);

public static class ReopenHelpRequest
{
    /// <summary>重新打开 a completed or visited request with a reason; it returns to 已受理.</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, ReopenHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = HelpRequestTransition.Text(input.Reason, "reason", "请填写重新打开的原因", 1000, errors);
        return HelpRequestTransition.Run(id, input.Version, errors, db, user, (r, who, now) => r.Reopen(who, now, reason));
    }
}
