using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Notifications;

public sealed record UnreadCount(int Count);

public static class CountUnread
{
    /// <summary>GET /api/notifications/unread-count: the bell's number (the partial index holds unread rows only).</summary>
    public static async Task<Ok<UnreadCount>> Handle(TongxinDb db, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await NotificationEndpoints.Mine(db).CountAsync(n => n.ReadAt == null, ct)));
}
