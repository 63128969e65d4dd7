using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Features.Attachments;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.Liaison;

namespace Tongxin.Demo;

/// <summary>
/// Small attachments on a few demo contact logs, help requests (and one unit's reply on a request's timeline) and quarterly reports (a PDF and a JPEG made in code), so
/// that a new office sees attachments listed and downloads them. Stored through the file store like an upload.
/// </summary>
public static class AttachmentDemo
{
    private sealed record Owner(AttachmentOwnerKind Kind, long Id, string RegionCode, long? FigureId, string By = "演示数据");

    public static async Task SeedAsync(TongxinDb db, IFileStore store, CancellationToken ct)
    {
        var owners = new List<Owner>();
        owners.AddRange((await db.HelpRequests.Where(r => r.IsDemo).OrderBy(r => r.Id).Take(4)
            .Select(r => new { r.Id, r.RegionCode, r.FigureId }).ToListAsync(ct))
            .Select(r => new Owner(AttachmentOwnerKind.HelpRequest, r.Id, r.RegionCode, r.FigureId)));
        // A unit's reply that carries its 办理结果 (a scanned letter), shown on the request's timeline.
        owners.AddRange((await db.HelpRequestEvents.Where(e => e.Action == "reply" && e.HelpRequest!.IsDemo).OrderBy(e => e.Id).Take(1)
            .Select(e => new { e.Id, e.HelpRequest!.RegionCode, e.HelpRequest.FigureId, e.UserName }).ToListAsync(ct))
            .Select(e => new Owner(AttachmentOwnerKind.HelpRequestStep, e.Id, e.RegionCode, e.FigureId, e.UserName)));
        owners.AddRange((await db.ContactLogs.Where(l => l.IsDemo).OrderBy(l => l.Id).Take(3)
            .Select(l => new { l.Id, l.Figure!.RegionCode, l.FigureId }).ToListAsync(ct))
            .Select(l => new Owner(AttachmentOwnerKind.ContactLog, l.Id, l.RegionCode, l.FigureId)));
        owners.AddRange((await db.TaskReports.Where(r => r.Task!.Plan!.IsDemo).OrderBy(r => r.Id).Take(2)
            .Select(r => new { r.Id, r.Task!.Plan!.RegionCode }).ToListAsync(ct))
            .Select(r => new Owner(AttachmentOwnerKind.TaskReport, r.Id, r.RegionCode, null)));

        var pdf = DemoFiles.Pdf("Tongxin demo attachment", "This PDF was made by the demo seeder.", "Replace it with a real document.");
        var photo = DemoFiles.Jpeg(16, 12, (x, y) => 60 + (x * 9 + y * 7) % 160);
        var now = DateTime.UtcNow;
        var n = 0;
        foreach (var owner in owners)
        {
            // Every owner gets a PDF; help requests and contact logs a photo too.
            var files = new List<(string Name, AttachmentType Type, byte[] Bytes)>
            {
                (owner.Kind switch
                {
                    AttachmentOwnerKind.HelpRequest => "诉求材料.pdf",
                    AttachmentOwnerKind.HelpRequestStep => "办理结果.pdf",
                    AttachmentOwnerKind.ContactLog => "座谈纪要.pdf",
                    _ => "进展说明.pdf",
                }, AttachmentTypes.Pdf, pdf),
            };
            if (owner.Kind is AttachmentOwnerKind.HelpRequest or AttachmentOwnerKind.ContactLog) files.Add(("现场照片.jpg", AttachmentTypes.Jpeg, photo));
            foreach (var (name, type, bytes) in files)
            {
                var key = $"attachments/{now:yyyy}/{now:MM}/demo-{UserFiles.NewToken()}";
                await using (var content = new MemoryStream(bytes)) await store.SaveAsync(key, content, ct);
                db.Attachments.Add(new Attachment
                {
                    OwnerKind = owner.Kind,
                    OwnerId = owner.Id,
                    RegionCode = owner.RegionCode,
                    FigureId = owner.FigureId,
                    FileName = name,
                    ContentType = type.ContentType,
                    Size = bytes.Length,
                    StoredKey = key,
                    UploadedByName = owner.By,
                    UploadedAt = now.AddMinutes(-n++),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The attachments of demo records, rows and files (the demo removal deletes their owners in bulk, past the write effects).</summary>
    public static async Task<int> RemoveAsync(TongxinDb db, CancellationToken ct)
    {
        var requests = db.HelpRequests.Where(r => r.IsDemo).Select(r => r.Id);
        var steps = db.HelpRequestEvents.Where(e => e.HelpRequest!.IsDemo).Select(e => e.Id);
        var logs = db.ContactLogs.Where(l => l.IsDemo).Select(l => l.Id);
        var reports = db.TaskReports.Where(r => r.Task!.Plan!.IsDemo).Select(r => r.Id);
        var rows = await db.Attachments.Where(a => (a.OwnerKind == AttachmentOwnerKind.HelpRequest && requests.Contains(a.OwnerId))
                                                   || (a.OwnerKind == AttachmentOwnerKind.HelpRequestStep && steps.Contains(a.OwnerId))
                                                   || (a.OwnerKind == AttachmentOwnerKind.ContactLog && logs.Contains(a.OwnerId))
                                                   || (a.OwnerKind == AttachmentOwnerKind.TaskReport && reports.Contains(a.OwnerId))).ToListAsync(ct);
        db.Attachments.RemoveRange(rows); // the attachment cleanup removes the stored files once the rows are gone
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
