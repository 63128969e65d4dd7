using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Liaison;

public sealed record AssignFigureRequest(long? FigureId, string? CadreUserId, DateOnly? StartOn);

public sealed record AssignmentCreated(long Id);

public static class AssignFigure
{
    /// <summary>Assigns a figure of the region to a cadre from a start date; a figure may have several cadres.</summary>
    public static async Task<Results<Created<AssignmentCreated>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        AssignFigureRequest request, TongxinDb db)
    {
        // A figure outside the caller's scope answers as if it did not exist, before anything else is said about the input.
        var figure = request.FigureId is null ? null
            : await db.Figures.AsNoTracking().Where(f => f.Id == request.FigureId).Select(f => new { f.Status }).FirstOrDefaultAsync();
        if (request.FigureId is not null && figure is null) return Problems.NotFound("人士");
        var errors = new Dictionary<string, string[]>();
        if (figure is null) errors["figureId"] = ["请选择网络人士"];
        else if (figure.Status != FigureStatus.Active) errors["figureId"] = ["该人士已不在库，不能安排联系"];
        if (!await Cadres.Exists(db, request.CadreUserId)) errors["cadreUserId"] = ["请选择联系干部"];
        if (request.StartOn is null) errors["startOn"] = ["请填写开始日期"];
        else if (request.StartOn > Cadres.Today().AddYears(1)) errors["startOn"] = ["开始日期不能晚于一年以后"];
        if (errors.Count > 0) return Problems.Validation(errors);

        if (await db.LiaisonAssignments.AnyAsync(a => a.FigureId == request.FigureId && a.CadreUserId == request.CadreUserId && a.EndOn == null))
            return Problems.Conflict("该干部已在联系这位人士");

        var assignment = new Assignment { FigureId = request.FigureId!.Value, CadreUserId = request.CadreUserId!, StartOn = request.StartOn!.Value };
        db.LiaisonAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/liaison/assignments/{assignment.Id}", new AssignmentCreated(assignment.Id));
    }
}
