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
        var query = Filter(db, cadreUserId, figureId, active);
        var total = await query.CountAsync();
        var items = await Items(db, Ordered(query).Skip((page - 1) * pageSize).Take(pageSize));
        return TypedResults.Ok(new Paged<AssignmentItem>(items, total));
    }

    public static IQueryable<Assignment> Filter(TongxinDb db, string? cadreUserId, long? figureId, bool? active)
    {
        var query = db.LiaisonAssignments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(cadreUserId)) query = query.Where(a => a.CadreUserId == cadreUserId);
        if (figureId is { } fid) query = query.Where(a => a.FigureId == fid);
        if (active == true) query = query.Where(a => a.EndOn == null);
        else if (active == false) query = query.Where(a => a.EndOn != null);
        return query;
    }

    /// <summary>The list's order: active first, then newest start.</summary>
    public static IQueryable<Assignment> Ordered(IQueryable<Assignment> query) =>
        query.OrderBy(a => a.EndOn == null ? 0 : 1).ThenByDescending(a => a.StartOn).ThenByDescending(a => a.Id);

    /// <summary>Reads the rows of an ordered, paged query as list items (cadre names filled in).</summary>
    internal static async Task<List<AssignmentItem>> Items(TongxinDb db, IQueryable<Assignment> query)
    {
        var rows = await query
            .Select(a => new { a.Id, a.FigureId, a.Figure!.Name, a.Figure.KeyLevel, a.Figure.RegionCode, a.CadreUserId, a.StartOn, a.EndOn, a.EndReason, a.Version })
            .ToListAsync();
        var names = await Cadres.Names(db, rows.Select(r => r.CadreUserId));
        return rows.Select(r => new AssignmentItem(r.Id, r.FigureId, r.Name, r.KeyLevel, r.RegionCode,
            r.CadreUserId, names.GetValueOrDefault(r.CadreUserId, ""), r.StartOn, r.EndOn, r.EndReason, r.EndOn is null, r.Version)).ToList();
    }
}
