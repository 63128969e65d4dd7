using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Notifications;

public static class ListNotifications
{
    /// <summary>GET /api/notifications?unread=&amp;page=&amp;pageSize=: the caller's inbox, newest first.</summary>
    public static async Task<Ok<Paged<NotificationItem>>> Handle(TongxinDb db, NotificationKinds kinds, bool? unread, CancellationToken ct,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = NotificationEndpoints.Mine(db).AsNoTracking();
        if (unread == true) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<NotificationItem>(rows.Select(n => NotificationItem.Of(n, kinds)).ToList(), total));
    }
}
