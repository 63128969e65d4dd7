using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Liaison;

namespace Tongxin.Features.HelpRequests;

/// <summary>
/// The help requests on a cadre's annual feedback form: those made in the year (China time) or completed in it that the
/// cadre raised or that belong to a figure assigned to them during the year; oldest first, at most 500.
/// </summary>
public sealed class FeedbackRequestSource : IFeedbackRequestSource
{
    public const int Limit = 500;

    public async Task<List<FeedbackRequestRow>> Rows(TongxinDb db, string cadreUserId, IReadOnlyCollection<long> figureIds, int year)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddYears(1);
        var ids = figureIds.ToList();
        // The cadre's requests and their figures' as a union of two index lookups (creator; figure): written as one OR,
        // SQLite read every request of the cadre's region (by its region index) and tested each (631 ms at 1,000,000 figures).
        var theirs = db.HelpRequests.Where(r => r.CreatedByUserId == cadreUserId).Select(r => r.Id)
            .Union(db.HelpRequests.Where(r => r.FigureId != null && ids.Contains(r.FigureId.Value)).Select(r => r.Id));
        var requests = await db.HelpRequests.AsNoTracking()
            .Where(r => theirs.Contains(r.Id))
            .Where(r => (r.CreatedAt >= from && r.CreatedAt < to) || (r.CompletedAt >= from && r.CompletedAt < to))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(Limit)
            .Select(r => new
            {
                r.Id,
                r.FigureId,
                r.OrganizationId,
                r.Title,
                r.Status,
                r.Summary,
                r.Satisfaction,
                r.VisitText,
            }).ToListAsync();
        // The units' replies of these requests in a second query by their ids: as a collection in the projection, EF joined
        // the page to a derived table of every part with a reply in the scope, which SQLite built whole (~525 ms of the
        // form's 550 at 1,000,000 figures).
        var requestIds = requests.Select(r => r.Id).ToList();
        var replies = (await db.HelpRequestParts.AsNoTracking().Where(p => requestIds.Contains(p.HelpRequestId) && p.Reply != null)
            .OrderBy(p => p.RepliedAt).Select(p => new { p.HelpRequestId, Text = p.UnitName + "：" + p.Reply }).ToListAsync())
            .ToLookup(p => p.HelpRequestId, p => p.Text);
        var figureIdsOfRows = requests.Where(r => r.FigureId != null).Select(r => r.FigureId!.Value).Distinct().ToList();
        var orgIds = requests.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var figures = await db.Figures.AsNoTracking().Where(f => figureIdsOfRows.Contains(f.Id)).Select(f => new { f.Id, f.Name })
            .ToDictionaryAsync(f => f.Id, f => f.Name);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return requests.Select(r => new FeedbackRequestRow(r.Id,
            r.FigureId is { } f ? figures.GetValueOrDefault(f, "") : r.OrganizationId is { } o ? orgs.GetValueOrDefault(o, "") : "",
            r.Title, HelpRequestNames.Status(r.Status), Outcome(r.Status, r.Summary, r.Satisfaction, r.VisitText, replies[r.Id].ToList()))).ToList();
    }

    private static string Outcome(HelpRequestStatus status, string? summary, Satisfaction? satisfaction, string? visitText, List<string> replies)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(summary)) parts.Add(summary);
        else if (replies.Count > 0) parts.Add(string.Join("；", replies));
        if (satisfaction is { } s) parts.Add($"回访：{HelpRequestNames.Satisfaction(s)}{(string.IsNullOrWhiteSpace(visitText) ? "" : "，" + visitText)}");
        if (parts.Count == 0) parts.Add(status == HelpRequestStatus.Submitted ? "待受理" : "办理中");
        var text = string.Join("。", parts);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
