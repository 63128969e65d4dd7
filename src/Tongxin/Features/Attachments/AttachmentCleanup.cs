using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.Liaison;
using Tongxin.Features.TaskPlans;

namespace Tongxin.Features.Attachments;

/// <summary>
/// Attachments go with their owner: when a contact log, a help request (with its steps) or a quarterly report is deleted (by any
/// feature's use case, e.g. a plan deleted with its tasks' reports), its attachment rows are deleted in the same
/// SaveChanges (each with its audit line), and the stored files of every deleted attachment are removed once the rows
/// are written. The owner features need not know about attachments.
/// </summary>
internal sealed class AttachmentCleanup : IWriteEffect
{
    // Before the audit (900), so the removed attachments get their lines.
    public int Order => 800;

    public async Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        var owners = new Dictionary<AttachmentOwnerKind, List<long>>();
        var gone = new List<string>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Deleted) continue;
            if (entry.Entity is Attachment attachment)
            {
                gone.Add(attachment.StoredKey);
                continue;
            }
            (AttachmentOwnerKind Kind, long Id)? owner = entry.Entity switch
            {
                ContactLog l => (AttachmentOwnerKind.ContactLog, l.Id),
                HelpRequest r => (AttachmentOwnerKind.HelpRequest, r.Id),
                HelpRequestEvent e => (AttachmentOwnerKind.HelpRequestStep, e.Id),
                TaskReport t => (AttachmentOwnerKind.TaskReport, t.Id),
                _ => null,
            };
            if (owner is not { } o) continue;
            if (!owners.TryGetValue(o.Kind, out var ids)) owners[o.Kind] = ids = [];
            ids.Add(o.Id);
        }
        foreach (var (kind, ids) in owners)
        {
            foreach (var chunk in ids.Chunk(500))
            {
                var rows = await db.Attachments.Where(a => a.OwnerKind == kind && chunk.Contains(a.OwnerId)).ToListAsync(ct);
                // A request's timeline steps go with it (by the database's cascade, untracked): their files too.
                if (kind == AttachmentOwnerKind.HelpRequest)
                {
                    var steps = db.HelpRequestEvents.Where(e => chunk.Contains(e.HelpRequestId)).Select(e => e.Id);
                    rows.AddRange(await db.Attachments.Where(a => a.OwnerKind == AttachmentOwnerKind.HelpRequestStep && steps.Contains(a.OwnerId)).ToListAsync(ct));
                }
                foreach (var row in rows.Distinct().Where(r => db.Entry(r).State != EntityState.Deleted))
                {
                    db.Attachments.Remove(row);
                    gone.Add(row.StoredKey);
                }
            }
        }
        if (gone.Count == 0) return null;
        var store = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IFileStore>();
        if (store is null) return null;
        return async _ =>
        {
            foreach (var key in gone.Distinct()) await store.DeleteAsync(key, CancellationToken.None);
        };
    }

    public Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct) => Task.FromResult<AfterWrite?>(null);
}
