using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record ContactLogItem(long Id, long FigureId, string FigureName, string CadreUserId, string CadreName, DateOnly Date, string Way,
    string WayLabel, string? Participants, string Summary, string? FollowUp, bool CanEdit, int Version);

public static class ListContactLogs
{
    /// <summary>Contact logs newest first: the region's for staff and leaders, only those of their assigned figures for a cadre.</summary>
    public static async Task<Ok<Paged<ContactLogItem>>> Handle(TongxinDb db, ClaimsPrincipal user, long? figureId, string? cadreUserId,
        DateOnly? from, DateOnly? to, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Filter(db, user, figureId, cadreUserId, from, to);
        var total = await query.CountAsync();
        var items = await Items(db, user, query.OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize));
        return TypedResults.Ok(new Paged<ContactLogItem>(items, total));
    }

    public static IQueryable<ContactLog> Filter(TongxinDb db, ClaimsPrincipal user, long? figureId, string? cadreUserId, DateOnly? from, DateOnly? to)
    {
        var query = db.ContactLogs.AsNoTracking().Narrow(db, user);
        if (figureId is { } fid) query = query.Where(l => l.FigureId == fid);
        if (!string.IsNullOrWhiteSpace(cadreUserId)) query = query.Where(l => l.CadreUserId == cadreUserId);
        if (from is { } f) query = query.Where(l => l.Date >= f);
        if (to is { } t) query = query.Where(l => l.Date <= t);
        return query;
    }

    /// <summary>Reads the rows of an ordered, paged query as list items (names and labels filled in).</summary>
    internal static async Task<List<ContactLogItem>> Items(TongxinDb db, ClaimsPrincipal user, IQueryable<ContactLog> query)
    {
        var rows = await query.Select(l => new { Log = l, FigureName = l.Figure!.Name }).ToListAsync();
        var names = await Cadres.Names(db, rows.Select(r => r.Log.CadreUserId));
        var codes = new DictionaryCodes(db);
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var narrowed = AssignedFigures.Narrows(user);
        var canWrite = user.Can(Permissions.ContactLogsWrite);
        return rows.Select(r => new ContactLogItem(r.Log.Id, r.Log.FigureId, r.FigureName, r.Log.CadreUserId, names.GetValueOrDefault(r.Log.CadreUserId, ""),
            r.Log.Date, r.Log.Way, codes.Label(ContactWays.DictionaryType, r.Log.Way), r.Log.Participants, r.Log.Summary, r.Log.FollowUp,
            canWrite && (!narrowed || r.Log.CadreUserId == self), r.Log.Version)).ToList();
    }
}

public static class GetContactLog
{
    public static async Task<Results<Ok<ContactLogItem>, NotFoundProblem>> Handle(long id, TongxinDb db, ClaimsPrincipal user)
    {
        var items = await ListContactLogs.Items(db, user, db.ContactLogs.AsNoTracking().Narrow(db, user).Where(l => l.Id == id));
        return items.Count == 0 ? Problems.NotFound("联系记录") : TypedResults.Ok(items[0]);
    }
}
