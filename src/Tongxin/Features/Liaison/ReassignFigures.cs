using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record ReassignFiguresRequest(string? FromCadreUserId, string? ToCadreUserId, DateOnly? StartOn, string? Reason);

/// <param name="Moved">Assignments ended and given to the new cadre.</param>
/// <param name="AlreadyAssigned">Figures the new cadre already looked after: the old assignment ends, no duplicate is made.</param>
public sealed record ReassignResult(int Moved, int AlreadyAssigned);

public static class ReassignFigures
{
    /// <summary>
    /// When a cadre leaves: every active assignment of theirs in the caller's region ends the day before
    /// <c>startOn</c> (or on it, when it began that day) and starts for the other cadre on <c>startOn</c>, in one transaction.
    /// </summary>
    public static async Task<Results<Ok<ReassignResult>, ValidationProblem>> Handle(ReassignFiguresRequest request, TongxinDb db)
    {
        var errors = new Dictionary<string, string[]>();
        var today = Cadres.Today();
        if (!await Cadres.Exists(db, request.FromCadreUserId)) errors["fromCadreUserId"] = ["请选择原联系干部"];
        if (!await Cadres.Exists(db, request.ToCadreUserId)) errors["toCadreUserId"] = ["请选择新联系干部"];
        else if (request.ToCadreUserId == request.FromCadreUserId) errors["toCadreUserId"] = ["新联系干部不能与原联系干部相同"];
        if (request.StartOn is null) errors["startOn"] = ["请填写交接日期"];
        else if (request.StartOn > today) errors["startOn"] = ["交接日期不能晚于今天"];
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors["reason"] = ["请填写交接原因"];
        else if (reason.Length > 200) errors["reason"] = ["交接原因不能超过200个字"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var from = request.FromCadreUserId!;
        var to = request.ToCadreUserId!;
        var start = request.StartOn!.Value;
        var active = await db.LiaisonAssignments.Where(a => a.CadreUserId == from && a.EndOn == null).ToListAsync();
        var late = active.Where(a => a.StartOn > start).ToList();
        if (late.Count > 0) return Problems.Validation("startOn", $"交接日期不能早于原联系开始日期（{late.Max(a => a.StartOn):yyyy-MM-dd}）");
        var figureIds = active.Select(a => a.FigureId).ToList();
        var held = (await db.LiaisonAssignments.Where(a => a.CadreUserId == to && a.EndOn == null && figureIds.Contains(a.FigureId))
            .Select(a => a.FigureId).ToListAsync()).ToHashSet();
        foreach (var a in active)
        {
            a.End(a.StartOn < start ? start.AddDays(-1) : start, reason, today);
            if (!held.Contains(a.FigureId)) db.LiaisonAssignments.Add(new Assignment { FigureId = a.FigureId, CadreUserId = to, StartOn = start });
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(new ReassignResult(active.Count - held.Count, held.Count));
    }
}
