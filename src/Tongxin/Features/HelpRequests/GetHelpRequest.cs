using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Features.Attachments;

namespace Tongxin.Features.HelpRequests;

public sealed record HelpRequestPartItem(long Id, long UnitId, string UnitName, DateOnly Deadline, PartStatus Status, string? Reply,
    string? ReturnedReason, DateTime? RepliedAt, bool Overdue);

/// <summary>
/// One step of the timeline with its files (<see cref="Attachments"/>, at <c>/api/help-request-steps/{id}/attachments</c>)
/// and whether the caller may still add files to it (<see cref="HelpRequestSteps.CanAttach"/>).
/// </summary>
public sealed record HelpRequestTimelineItem(long Id, DateTime At, string UserName, string Action, HelpRequestStatus? FromStatus,
    HelpRequestStatus ToStatus, string? Text, List<AttachmentItem> Attachments, bool CanAttach);

public sealed record HelpRequestDetail(long Id, long? FigureId, long? OrganizationId, string SubjectName, string RegionCode, string RegionName,
    string Category, string CategoryLabel, string Title, string? Description, HelpRequestUrgency Urgency, HelpRequestChannel ReceivedVia,
    HelpRequestStatus Status, string? Summary, Satisfaction? Satisfaction, string? VisitText, DateTime CreatedAt, DateTime? CompletedAt,
    int Version, List<HelpRequestPartItem> Parts, List<HelpRequestTimelineItem> Timeline,
    /// <summary>The actions the caller may take now (accept, route, reply, return, complete, visit, reopen).</summary>
    List<string> AllowedActions);

public static class GetHelpRequest
{
    public static async Task<Results<Ok<HelpRequestDetail>, NotFoundProblem>> Handle(long id, TongxinDb db, ClaimsPrincipal user) =>
        await Load(db, user, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("诉求");

    /// <summary>The request as the caller sees it, or null when it is not theirs to see.</summary>
    public static async Task<HelpRequestDetail?> Load(TongxinDb db, ClaimsPrincipal user, long id)
    {
        var visible = await HelpRequestAccess.Visible(db, user);
        var r = await visible.AsNoTracking().Include(x => x.Parts).Include(x => x.Timeline).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (r is null) return null;
        var subject = r.FigureId is { } figureId
            ? await db.Figures.Where(f => f.Id == figureId).Select(f => f.Name).FirstOrDefaultAsync()
            : await db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync();
        var regionName = await db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.FullName).FirstOrDefaultAsync();
        var today = HelpRequest.Today(DateTime.UtcNow);
        var ownUnit = await HelpRequestAccess.OwnUnit(db, user);
        // Every step's files in one query (the request's steps as a subquery), in upload order.
        var steps = db.HelpRequestEvents.Where(e => e.HelpRequestId == id).Select(e => e.Id);
        var files = (await db.Attachments.AsNoTracking()
                .Where(a => a.OwnerKind == AttachmentOwnerKind.HelpRequestStep && steps.Contains(a.OwnerId)).OrderBy(a => a.Id).ToListAsync())
            .ToLookup(a => a.OwnerId, ListAttachments.Item);
        var writer = AttachmentOwners.HelpRequestWriters.Any(user.Can);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = DateTime.UtcNow;
        return new HelpRequestDetail(r.Id, r.FigureId, r.OrganizationId, subject ?? "", r.RegionCode, regionName ?? r.RegionCode,
            r.Category, new DictionaryCodes(db).Label(CreateHelpRequest.CategoryType, r.Category), r.Title, r.Description, r.Urgency,
            r.ReceivedVia, r.Status, r.Summary, r.Satisfaction, r.VisitText, r.CreatedAt, r.CompletedAt, r.Version,
            r.Parts.OrderBy(p => p.RoutedAt).ThenBy(p => p.Id).Select(p => new HelpRequestPartItem(p.Id, p.OrgUnitId,
                p.UnitName, p.Deadline, p.Status, p.Reply, p.ReturnedReason, p.RepliedAt,
                HelpRequest.IsOverdue(p, r.Status, today))).ToList(),
            r.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new HelpRequestTimelineItem(t.Id, t.At, t.UserName, t.Action, t.FromStatus, t.ToStatus, t.Text, [.. files[t.Id]],
                    writer && HelpRequestSteps.CanAttach(t, r.Timeline, userId, now))).ToList(),
            AllowedActions(r, user.Can(Permissions.HelpRequestsHandle), ownUnit));
    }

    private static List<string> AllowedActions(HelpRequest r, bool handles, long? ownUnit)
    {
        var list = new List<string>();
        if (handles)
        {
            if (r.Status == HelpRequestStatus.Submitted) list.Add("accept");
            if (r.Status is HelpRequestStatus.Accepted or HelpRequestStatus.Routed or HelpRequestStatus.InProgress) list.Add("route");
            if (r.Status == HelpRequestStatus.InProgress) list.Add("complete");
            if (r.Status == HelpRequestStatus.Completed) list.Add("visit");
            if (r.Status is HelpRequestStatus.Completed or HelpRequestStatus.Visited) list.Add("reopen");
        }
        if (ownUnit is { } unit && r.Status is HelpRequestStatus.Routed or HelpRequestStatus.InProgress
            && r.Parts.Any(p => p.OrgUnitId == unit && p.Status == PartStatus.Pending))
        {
            list.Add("reply");
            list.Add("return");
        }
        return list;
    }
}
