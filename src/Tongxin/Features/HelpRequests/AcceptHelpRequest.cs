using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record AcceptHelpRequestInput(int? Version);

public static class AcceptHelpRequest
{
    /// <summary>受理 (only from 已提交).</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, AcceptHelpRequestInput input, TongxinDb db, ClaimsPrincipal user) =>
        HelpRequestTransition.Run(id, input.Version, [], db, user, (r, who, now) => r.Accept(who, now));
}
