using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record AssignmentItem(long Id, long FigureId, string FigureName, string? KeyLevel, string RegionCode, string CadreUserId,
    string CadreName, DateOnly StartOn, DateOnly? EndOn, string? EndReason, bool Active, int Version);

public static class ListAssignments
{
    /// <summary>Assignments of the region (history included unless <c>active</c> is given), newest first, offset paging.</summary>
    public static async Task<Ok<Paged<AssignmentItem>>> Handle(TongxinDb db, string? cadreUserId, long? figureId, bool? active,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.LiaisonAssignments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(cadreUserId)) query = query.Where(a => a.CadreUserId == cadreUserId);
        if (figureId is { } fid) query = query.Where(a => a.FigureId == fid);
        if (active == true) query = query.Where(a => a.EndOn == null);
        else if (active == false) query = query.Where(a => a.EndOn != null);
        var total = await query.CountAsync();
        var rows = await query.OrderBy(a => a.EndOn == null ? 0 : 1).ThenByDescending(a => a.StartOn).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.FigureId, a.Figure!.Name, a.Figure.KeyLevel, a.Figure.RegionCode, a.CadreUserId, a.StartOn, a.EndOn, a.EndReason, a.Version })
            .ToListAsync();
        var names = await Cadres.Names(db, rows.Select(r => r.CadreUserId));
        return TypedResults.Ok(new Paged<AssignmentItem>(rows.Select(r => new AssignmentItem(r.Id, r.FigureId, r.Name, r.KeyLevel, r.RegionCode,
            r.CadreUserId, names.GetValueOrDefault(r.CadreUserId, ""), r.StartOn, r.EndOn, r.EndReason, r.EndOn is null, r.Version)).ToList(), total));
    }
}
