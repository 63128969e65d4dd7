using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record ReplyHelpRequestInput(string? Text, int? Version);

public static class ReplyHelpRequest
{
    /// <summary>A member unit answers the part routed to it; a request not routed to the caller's unit answers 404.</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, ReplyHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var text = HelpRequestTransition.Text(input.Text, "text", "请填写办理答复", 2000, errors);
        return HelpRequestTransition.RunForUnit(id, input.Version, errors, db, user, (r, who, now, unit) => r.Reply(who, now, unit, text));
    }
}
