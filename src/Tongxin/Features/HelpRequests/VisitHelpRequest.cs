using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

/// <summary><see cref="Satisfaction"/>: satisfied, basicallySatisfied or dissatisfied (which needs a reason in <see cref="Text"/>).</summary>
public sealed record VisitHelpRequestInput(string? Satisfaction, string? Text, int? Version);

public static class VisitHelpRequest
{
    /// <summary>回访 after completion: the figure's satisfaction.</summary>
    public static Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, VisitHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var satisfaction = HelpRequestParse.Satisfaction(input.Satisfaction);
        if (satisfaction is null) errors["satisfaction"] = ["请选择满意程度"];
        var text = input.Text?.Trim();
        if (text is { Length: > 1000 }) errors["text"] = ["不能超过1000个字"];
        else if (satisfaction == HelpRequests.Satisfaction.Dissatisfied && string.IsNullOrEmpty(text)) errors["text"] = ["不满意时请填写原因"];
        return HelpRequestTransition.Run(id, input.Version, errors, db, user, (r, who, now) => r.Visit(who, now, satisfaction!.Value, text));
    }
}
