using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.Liaison;
using Tongxin.Features.TaskPlans;

namespace Tongxin.Features.Attachments;

/// <summary>An owner record as the caller sees it: its region, its figure, whether the caller may change its attachments.</summary>
public sealed record AttachmentOwner(AttachmentOwnerKind Kind, long Id, string RegionCode, long? FigureId, bool CanWrite);

/// <summary>
/// Who may see and change the attachments of a record: exactly who may read and edit the record itself, through each
/// owner feature's own narrowing on top of the region scope. A contact log: its readers (a cadre only for the figures
/// assigned to them); writers are who may edit the log (a cadre only their own logs). A help request: who sees it (a unit
/// only when routed to it, a cadre for their assigned figures); writers are those who act on requests (not leaders).
/// A step of a request's timeline: who sees the request; the writer is the step's author, shortly after and while the
/// request has not moved on (<see cref="HelpRequestSteps.CanAttach"/>).
/// A quarterly report: who sees its task (a unit only its own tasks); writers are the reporting unit and staff.
/// A record the caller may not read is null: the endpoints answer 404 as if it did not exist.
/// </summary>
public static class AttachmentOwners
{
    public static string NameOf(AttachmentOwnerKind kind) => kind switch
    {
        AttachmentOwnerKind.ContactLog => "联系记录",
        AttachmentOwnerKind.HelpRequest => "诉求",
        AttachmentOwnerKind.HelpRequestStep => "办理记录",
        _ => "进展报送",
    };

    public static async Task<AttachmentOwner?> Find(TongxinDb db, ClaimsPrincipal user, AttachmentOwnerKind kind, long id, CancellationToken ct)
    {
        switch (kind)
        {
            case AttachmentOwnerKind.ContactLog:
                {
                    var log = await db.ContactLogs.Narrow(db, user).Where(l => l.Id == id)
                        .Select(l => new { l.Figure!.RegionCode, l.FigureId }).FirstOrDefaultAsync(ct);
                    if (log is null) return null;
                    var canWrite = user.Can(Permissions.ContactLogsWrite) && await ContactLogAccess.Writable(db, user).AnyAsync(l => l.Id == id, ct);
                    return new AttachmentOwner(kind, id, log.RegionCode, log.FigureId, canWrite);
                }
            case AttachmentOwnerKind.HelpRequest:
                {
                    var visible = await HelpRequestAccess.Visible(db, user);
                    var request = await visible.Where(r => r.Id == id).Select(r => new { r.RegionCode, r.FigureId }).FirstOrDefaultAsync(ct);
                    if (request is null) return null;
                    return new AttachmentOwner(kind, id, request.RegionCode, request.FigureId, HelpRequestWriters.Any(user.Can));
                }
            case AttachmentOwnerKind.HelpRequestStep:
                {
                    var step = await HelpRequestSteps.Find(db, user, id, HelpRequestWriters.Any(user.Can), ct);
                    return step is null ? null : new AttachmentOwner(kind, id, step.RegionCode, step.FigureId, step.CanAttach);
                }
            case AttachmentOwnerKind.TaskReport:
                {
                    var access = await TaskAccess.For(user, db);
                    var tasks = access.Tasks(db).Select(t => t.Id);
                    var report = await db.TaskReports.Where(r => r.Id == id && tasks.Contains(r.TaskId))
                        .Select(r => new { r.Task!.Plan!.RegionCode, r.OrgUnitId }).FirstOrDefaultAsync(ct);
                    if (report is null) return null;
                    var canWrite = user.Can(Permissions.TasksReport) && (access.SeesAll || (access.UnitId is { } unit && unit == report.OrgUnitId));
                    return new AttachmentOwner(kind, id, report.RegionCode, null, canWrite);
                }
            default:
                return null;
        }
    }

    /// <summary>The permissions that let a user act on the requests they see (staff handle, cadres file, units reply).</summary>
    public static readonly string[] HelpRequestWriters = [Permissions.HelpRequestsHandle, Permissions.HelpRequestsCreate, Permissions.HelpRequestsReply];
}
