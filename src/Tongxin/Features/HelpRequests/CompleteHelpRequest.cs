using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record CompleteHelpRequestInput(string? Summary, int? Version);

public static class CompleteHelpRequest
{
    /// <summary>办结 with a summary, once a unit has answered (办理中).</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, CompleteHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var summary = HelpRequestTransition.Text(input.Summary, "summary", "请填写办结情况", 2000, errors);
        return HelpRequestTransition.Run(id, input.Version, errors, db, user, (r, who, now) => r.Complete(who, now, summary));
    }
}
