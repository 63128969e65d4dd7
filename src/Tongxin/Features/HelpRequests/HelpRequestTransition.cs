using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.HelpRequests;

/// <summary>
/// What every workflow action shares: find the request among those the caller sees (else 404), refuse bad input (400)
/// and a stale version (409), run the entity's transition (a refused one is 409 naming the current state, nothing
/// written), and save the change, its timeline row and its audit line together.
/// </summary>
internal static class HelpRequestTransition
{
    public static async Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Run(
        long id, int? version, Dictionary<string, string[]> errors, TongxinDb db, ClaimsPrincipal user,
        Action<HelpRequest, Actor, DateTime> step)
    {
        var visible = await HelpRequestAccess.Visible(db, user);
        var request = await visible.Include(r => r.Parts).FirstOrDefaultAsync(r => r.Id == id);
        if (request is null) return Problems.NotFound("诉求");
        if (version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (version != request.Version) return Problems.Conflict();
        try
        {
            step(request, HelpRequestAccess.ActorOf(user), DateTime.UtcNow);
        }
        catch (WorkflowRefused refused)
        {
            return Problems.Conflict(refused.Message);
        }
        db.Entry(request).Property(r => r.Version).OriginalValue = version.Value;
        await db.SaveChangesAsync();
        return await GetHelpRequest.Load(db, user, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("诉求");
    }

    /// <summary>For a unit's reply or return: the caller's unit, which must have a part in the request (else 404 as if it did not exist).</summary>
    public static async Task<Results<Ok<HelpRequestDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> RunForUnit(
        long id, int? version, Dictionary<string, string[]> errors, TongxinDb db, ClaimsPrincipal user,
        Action<HelpRequest, Actor, DateTime, long> step)
    {
        var unit = await HelpRequestAccess.OwnUnit(db, user);
        if (unit is null || !await db.HelpRequestParts.AnyAsync(p => p.HelpRequestId == id && p.OrgUnitId == unit)) return Problems.NotFound("诉求");
        return await Run(id, version, errors, db, user, (r, who, now) => step(r, who, now, unit.Value));
    }

    /// <summary>A required text of at most <paramref name="max"/> characters, trimmed; its error under <paramref name="field"/>.</summary>
    public static string Text(string? value, string field, string missing, int max, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) errors[field] = [missing];
        else if (text.Length > max) errors[field] = [$"不能超过{max}个字"];
        return text;
    }
}
