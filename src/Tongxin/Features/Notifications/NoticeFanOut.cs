using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Notifications;

/// <summary>
/// Writes a published notice into its recipients' inboxes, in the background and on any server. A notice is
/// claimed with a conditional update (queued, or running with a lapsed lease); its recipients are walked in user-id
/// order in batches, each batch written in bulk (binary COPY on PostgreSQL) together with the cursor in one
/// transaction, so a server that dies mid-way leaves a notice another server finishes without writing a row twice.
/// </summary>
public sealed class NoticeFanOut(IServiceProvider services, IEnumerable<INotificationChannel> channels, ILogger<NoticeFanOut> log) : BackgroundService
{
    public const int BatchSize = 10_000;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly JobWakeUp _wake = new();
    private readonly string _me = QueuedJobs.NewServerName();

    public void Wake() => _wake.Wake();

    protected override Task ExecuteAsync(CancellationToken stop) => QueuedJobs.PollAsync(RunNextAsync, _wake, Poll, log, stop);

    /// <summary>Claims and delivers the oldest waiting notice; false when none waits.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        long id;
        using (var scope = services.CreateUnrestrictedScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            var now = DateTime.UtcNow;
            var waiting = Waiting(db, now);
            id = await waiting.OrderBy(n => n.CreatedAt).Select(n => n.Id).FirstOrDefaultAsync(ct);
            if (id == 0) return false;
            var until = now + Lease;
            var claimed = await waiting.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.State, JobStates.Running)
                .SetProperty(n => n.LockedBy, _me).SetProperty(n => n.LockedUntil, until), ct);
            if (claimed != 1) return true; // another server took it: look for the next one
        }
        await DeliverAsync(id, ct);
        return true;
    }

    private static IQueryable<Notice> Waiting(TongxinDb db, DateTime now) => db.Notices.IgnoreQueryFilters()
        .Where(n => (n.State == JobStates.Queued || n.State == JobStates.Running) && (n.LockedUntil == null || n.LockedUntil < now));

    private async Task DeliverAsync(long id, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var written = 0;
        try
        {
            while (true)
            {
                using var scope = services.CreateUnrestrictedScope();
                var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
                var notice = await db.Notices.IgnoreQueryFilters().AsNoTracking().FirstAsync(n => n.Id == id, ct);
                if (notice.LockedBy != _me) return; // the lease lapsed and another server took over
                var cursor = notice.FanOutCursor ?? "";
                var users = await NoticeAudience.UsersAsync(db, notice, ct);
                var batch = await users.Where(u => string.Compare(u, cursor) > 0).OrderBy(u => u).Take(BatchSize).ToListAsync(ct);
                if (batch.Count == 0) break;
                var now = DateTime.UtcNow;
                var link = $"/notices/{id}";
                var rows = batch.Select(u => new Notification
                {
                    UserId = u,
                    Kind = NotificationKinds.Notice,
                    Title = notice.Title,
                    Body = Summary(notice.Body),
                    Link = link,
                    NoticeId = id,
                    CreatedAt = now,
                }).ToList();
                var last = batch[^1];
                var until = now + Lease;
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    await RawInsert.ExecuteAsync(db, rows, RawInsert.ColumnsOf<Notification>(db, includeKey: false), ct);
                    var mine = await db.Notices.IgnoreQueryFilters().Where(n => n.Id == id && n.LockedBy == _me).ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.FanOutCursor, last).SetProperty(n => n.RecipientCount, n => n.RecipientCount + rows.Count)
                        .SetProperty(n => n.LockedUntil, until), ct);
                    if (mine != 1) return; // taken over: roll this batch back
                    await tx.CommitAsync(ct);
                }
                written += rows.Count;
                await Notifier.DeliverAsync(channels, new NotificationMessage(NotificationKinds.Notice, notice.Title, Summary(notice.Body), link), batch, log, ct);
                if (batch.Count < BatchSize) break;
            }
            await FinishAsync(id, JobStates.Done, ct);
            log.LogInformation("Notice {NoticeId} delivered to {Count} users in {Ms} ms", id, written, watch.ElapsedMilliseconds);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            await FinishAsync(id, JobStates.Queued, CancellationToken.None); // shutting down: hand it back now, not after the lease
        }
        catch (Exception e)
        {
            log.LogError(e, "Notice {NoticeId} fan-out failed", id);
            await FinishAsync(id, JobStates.Failed, CancellationToken.None);
        }
    }

    private async Task FinishAsync(long id, string state, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        DateTime? delivered = state == JobStates.Done ? DateTime.UtcNow : null;
        await db.Notices.IgnoreQueryFilters().Where(n => n.Id == id && n.LockedBy == _me).ExecuteUpdateAsync(s => s.SetProperty(n => n.State, state)
            .SetProperty(n => n.DeliveredAt, delivered).SetProperty(n => n.LockedUntil, (DateTime?)null), ct);
    }

    /// <summary>The inbox shows the notice's first lines; the notice page shows it whole.</summary>
    private static string Summary(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
