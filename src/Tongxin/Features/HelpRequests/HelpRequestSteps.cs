using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.HelpRequests;

/// <summary>A timeline step as the caller sees it: its request's region and figure, and whether the caller may attach files to it.</summary>
public sealed record HelpRequestStepRef(long Id, long RequestId, string RegionCode, long? FigureId, bool CanAttach);

/// <summary>
/// Files on a timeline step (a unit's 办理结果, a return's document, the 办结 or 回访 record). A step is read by exactly who
/// reads its request (<see cref="HelpRequestAccess.Visible"/>: a unit only while the request is routed to it, and then the
/// whole timeline as the detail shows it); anything else answers 404.
/// </summary>
public static class HelpRequestSteps
{
    /// <summary>How long after a step its author may still add or remove its files.</summary>
    public static readonly TimeSpan AttachWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// Only the user who wrote the step changes its files, within <see cref="AttachWindow"/> and while no later step has
    /// moved the request to another state. The files are part of what the step says: once someone has acted on it
    /// (staff completed after a reply, a visit followed the completion, the request was reopened) the record they acted on
    /// must not change beneath them, and a day is ample for the upload that follows the step (or a forgotten file) without
    /// letting a step be rewritten weeks later. Steps another unit adds meanwhile (a second reply) do not close the window.
    /// Demo and imported steps without a user are closed.
    /// </summary>
    public static bool CanAttach(HelpRequestEvent step, IEnumerable<HelpRequestEvent> timeline, string? userId, DateTime now) =>
        userId is not null && step.UserId == userId && now - step.At <= AttachWindow
        && !timeline.Any(later => later.Id > step.Id && later.FromStatus != later.ToStatus);

    /// <summary>The step if the caller sees its request, else null (answered 404).</summary>
    public static async Task<HelpRequestStepRef?> Find(TongxinDb db, ClaimsPrincipal user, long stepId, bool writer, CancellationToken ct)
    {
        var visible = await HelpRequestAccess.Visible(db, user);
        var request = await visible.AsNoTracking().Where(r => r.Timeline.Any(e => e.Id == stepId))
            .Select(r => new { r.Id, r.RegionCode, r.FigureId }).FirstOrDefaultAsync(ct);
        if (request is null) return null;
        var canAttach = false;
        if (writer)
        {
            var timeline = await db.HelpRequestEvents.AsNoTracking().Where(e => e.HelpRequestId == request.Id).ToListAsync(ct);
            var step = timeline.First(e => e.Id == stepId);
            canAttach = CanAttach(step, timeline, user.FindFirstValue(ClaimTypes.NameIdentifier), DateTime.UtcNow);
        }
        return new HelpRequestStepRef(stepId, request.Id, request.RegionCode, request.FigureId, canAttach);
    }
}
