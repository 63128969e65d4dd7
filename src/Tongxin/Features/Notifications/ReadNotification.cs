using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Notifications;

public static class ReadNotification
{
    /// <summary>POST /api/notifications/{id}/read: marks the caller's row read (again: no change); another user's row is 404.</summary>
    public static async Task<Results<Ok<NotificationItem>, NotFoundProblem>> Handle(long id, TongxinDb db, NotificationKinds kinds, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await NotificationEndpoints.Mine(db).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (row is null) return Problems.NotFound("通知");
        if (row.MarkRead(DateTime.UtcNow))
        {
            await db.SaveChangesAsync(ct);
            if (row.NoticeId is { } notice) await NoticeReceipts.CountReadAsync(db, [notice], ct);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Ok(NotificationItem.Of(row, kinds));
    }
}

public static class ReadAllNotifications
{
    /// <summary>POST /api/notifications/read-all: every unread row of the caller is read now; answers how many changed.</summary>
    public static async Task<Ok<UnreadCount>> Handle(TongxinDb db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unread = NotificationEndpoints.Mine(db).Where(n => n.ReadAt == null);
        var notices = await unread.Where(n => n.NoticeId != null).Select(n => n.NoticeId!.Value).ToListAsync(ct);
        var changed = await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        await NoticeReceipts.CountReadAsync(db, notices, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new UnreadCount(changed));
    }
}

internal static class NoticeReceipts
{
    /// <summary>Adds one read receipt per listed notice (the caller's row for it just turned read), in the caller's transaction.</summary>
    public static async Task CountReadAsync(TongxinDb db, IReadOnlyList<long> noticeIds, CancellationToken ct)
    {
        // The reader is rarely in the publisher's region scope, so the counter is updated past the region filter.
        foreach (var id in noticeIds.Distinct())
            await db.Notices.IgnoreQueryFilters().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadCount, x => x.ReadCount + 1), ct);
    }
}
