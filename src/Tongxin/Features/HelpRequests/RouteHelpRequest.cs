using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

public sealed record RoutePartInput(long? UnitId, DateOnly? Deadline);

public sealed record RouteHelpRequestInput(List<RoutePartInput>? Parts, int? Version);

public static class RouteHelpRequest
{
    /// <summary>转办 to member units (org units of kind 成员单位 in the caller's region), each with a deadline not before today.</summary>
    public static async Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, RouteHelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        var parts = input.Parts ?? [];
        if (parts.Count == 0) errors["parts"] = ["请至少选择一个成员单位"];
        else if (parts.Count > 20) errors["parts"] = ["一次最多转办20个单位"];
        var ids = parts.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.Where(u => ids.Contains(u.Id) && u.Kind == "memberUnit").ToDictionaryAsync(u => u.Id, u => u.Name);
        var chosen = new List<(long, string, DateOnly)>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].UnitId is not { } unitId || !units.TryGetValue(unitId, out var name)) errors[$"parts[{i}].unitId"] = ["请选择成员单位"];
            else if (parts[i].Deadline is not { } deadline) errors[$"parts[{i}].deadline"] = ["请填写办理期限"];
            else chosen.Add((unitId, name, deadline));
        }
        return await HelpRequestTransition.Run(id, input.Version, errors, db, user, (r, who, now) => r.Route(who, now, chosen));
    }
}
