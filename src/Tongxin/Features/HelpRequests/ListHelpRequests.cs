using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.HelpRequests;

public sealed record HelpRequestListItem(long Id, string Title, string Category, string CategoryLabel, long? FigureId, long? OrganizationId,
    string SubjectName, string RegionCode, string RegionName, HelpRequestUrgency Urgency, HelpRequestChannel ReceivedVia,
    HelpRequestStatus Status, DateTime CreatedAt, DateTime? CompletedAt, Satisfaction? Satisfaction,
    /// <summary>The units the request is routed to, 、-separated.</summary>
    string Units,
    /// <summary>The earliest deadline of a part still waiting for its unit's answer.</summary>
    DateOnly? NextDeadline, bool Overdue, int Version);

public static class ListHelpRequests
{
    /// <summary>The request board: plain LINQ over the requests the caller sees, offset paging.</summary>
    public static async Task<Ok<Paged<HelpRequestListItem>>> Handle(TongxinDb db, ClaimsPrincipal user, [AsParameters] HelpRequestFilter filter,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = await filter.ApplyAsync(db, (await HelpRequestAccess.Visible(db, user)).AsNoTracking());
        var total = await query.CountAsync();
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return TypedResults.Ok(new Paged<HelpRequestListItem>(await Items(db, rows), total));
    }

    /// <summary>The list items of loaded requests: names, units and deadlines read in one query each.</summary>
    public static async Task<List<HelpRequestListItem>> Items(TongxinDb db, List<HelpRequest> rows)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var parts = (await db.HelpRequestParts.AsNoTracking().Where(p => ids.Contains(p.HelpRequestId)).ToListAsync())
            .ToLookup(p => p.HelpRequestId);
        var figureIds = rows.Where(r => r.FigureId != null).Select(r => r.FigureId!.Value).Distinct().ToList();
        var figures = await db.Figures.Where(f => figureIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name);
        var orgIds = rows.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var regions = await RegionNames.FullNamesAsync(db, rows.Select(r => r.RegionCode));
        var dictionary = new DictionaryCodes(db);
        var today = HelpRequest.Today(DateTime.UtcNow);
        return rows.Select(r =>
        {
            var mine = parts[r.Id].OrderBy(p => p.RoutedAt).ToList();
            var open = mine.Where(p => p.Status == PartStatus.Pending).ToList();
            return new HelpRequestListItem(r.Id, r.Title, r.Category, dictionary.Label(CreateHelpRequest.CategoryType, r.Category), r.FigureId,
                r.OrganizationId,
                r.FigureId is { } f ? figures.GetValueOrDefault(f, "") : orgs.GetValueOrDefault(r.OrganizationId ?? 0, ""),
                r.RegionCode, regions.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Urgency, r.ReceivedVia, r.Status, r.CreatedAt,
                r.CompletedAt, r.Satisfaction,
                string.Join("、", mine.Where(p => p.Status != PartStatus.Returned).Select(p => p.UnitName).Distinct()),
                open.Count == 0 ? null : open.Min(p => p.Deadline), mine.Any(p => HelpRequest.IsOverdue(p, r.Status, today)), r.Version);
        }).ToList();
    }
}
