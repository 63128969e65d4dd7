using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Notifications;

/// <summary>A notice as a list shows it: staff see the audience and read receipts, a recipient when they read it.</summary>
public sealed record NoticeItem(long Id, string Title, string Body, string AudienceKind, string AudienceLabel, string CreatedByName,
    DateTime CreatedAt, string State, int? RecipientCount, int? ReadCount, DateTime? DeliveredAt, DateTime? ReadAt)
{
    public static NoticeItem Of(Notice n, bool staff, DateTime? readAt) => new(n.Id, n.Title, n.Body, n.AudienceKind, n.AudienceLabel,
        n.CreatedByName, n.CreatedAt, n.State, staff ? n.RecipientCount : null, staff ? n.ReadCount : null, n.DeliveredAt, readAt);
}

public static class ListNotices
{
    /// <summary>
    /// GET /api/notices: staff who publish see the notices of their region subtree with read counts (newest first);
    /// everyone else sees the notices addressed to them, with when they read each.
    /// </summary>
    public static async Task<Ok<Paged<NoticeItem>>> Handle(TongxinDb db, HttpContext http, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        if (http.User.Can(Permissions.NoticesPublish))
        {
            var query = db.Notices.AsNoTracking();
            var total = await query.CountAsync(ct);
            var rows = await query.OrderByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            return TypedResults.Ok(new Paged<NoticeItem>(rows.Select(n => NoticeItem.Of(n, staff: true, readAt: null)).ToList(), total));
        }
        var mine = NotificationEndpoints.Mine(db).AsNoTracking().Where(x => x.NoticeId != null);
        var count = await mine.CountAsync(ct);
        var page1 = await (from x in mine
                           join n in db.Notices.IgnoreQueryFilters() on x.NoticeId equals n.Id
                           orderby x.Id descending
                           select new { n, x.ReadAt }).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<NoticeItem>(page1.Select(r => NoticeItem.Of(r.n, staff: false, r.ReadAt)).ToList(), count));
    }
}

public static class GetNotice
{
    /// <summary>
    /// GET /api/notices/{id}: a recipient's read marks it read (a receipt on the notice); staff who publish read any notice
    /// of their subtree; anyone else gets 404.
    /// </summary>
    public static async Task<Results<Ok<NoticeItem>, NotFoundProblem>> Handle(long id, TongxinDb db, HttpContext http, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await NotificationEndpoints.Mine(db).FirstOrDefaultAsync(x => x.NoticeId == id, ct);
        if (row is not null)
        {
            if (row.MarkRead(DateTime.UtcNow))
            {
                await db.SaveChangesAsync(ct);
                await NoticeReceipts.CountReadAsync(db, [id], ct);
            }
            var addressed = await db.Notices.IgnoreQueryFilters().AsNoTracking().FirstAsync(n => n.Id == id, ct);
            await tx.CommitAsync(ct);
            var staff = http.User.Can(Permissions.NoticesPublish) && await db.Notices.AnyAsync(n => n.Id == id, ct);
            return TypedResults.Ok(NoticeItem.Of(addressed, staff, row.ReadAt));
        }
        await tx.CommitAsync(ct);
        if (!http.User.Can(Permissions.NoticesPublish)) return Problems.NotFound("通知公告");
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        return notice is null ? Problems.NotFound("通知公告") : TypedResults.Ok(NoticeItem.Of(notice, staff: true, readAt: null));
    }
}
