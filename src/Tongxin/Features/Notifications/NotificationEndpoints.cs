using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Notifications;

/// <summary>
/// Every signed-in user's own inbox and settings, and the notices. An inbox row of another user answers 404 like a
/// missing one; notices are published by staff and read by whom they address.
/// </summary>
public static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        g.MapGet("", ListNotifications.Handle);
        g.MapGet("/unread-count", CountUnread.Handle);
        g.MapPost("/{id:long}/read", ReadNotification.Handle);
        g.MapPost("/read-all", ReadAllNotifications.Handle);

        api.MapGet("/me/notification-settings", GetNotificationSettings.Handle).WithTags("Notifications").RequireAuthorization();
        api.MapPut("/me/notification-settings", UpdateNotificationSettings.Handle).WithTags("Notifications").RequireAuthorization();

        var n = api.MapGroup("/notices").WithTags("Notices").RequireAuthorization();
        n.MapPost("", PublishNotice.Handle).RequireAuthorization(Permissions.NoticesPublish);
        n.MapGet("", ListNotices.Handle);
        n.MapGet("/export", ExportNotices.Handle).RequireAuthorization(Permissions.NoticesPublish).Produces(200, contentType: Common.Files.FileNames.XlsxType);
        n.MapGet("/{id:long}", GetNotice.Handle);
    }

    /// <summary>The caller's own inbox rows (no user: none).</summary>
    public static IQueryable<Notification> Mine(TongxinDb db)
    {
        var me = db.Actor.UserId ?? "";
        return db.Notifications.Where(n => n.UserId == me);
    }
}

public sealed record NotificationItem(long Id, string Kind, string KindLabel, string Title, string? Body, string? Link, long? NoticeId,
    DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationItem Of(Notification n, NotificationKinds kinds) => new(n.Id, n.Kind,
        kinds.TryGet(n.Kind, out var k) ? k.Label : n.Kind, n.Title, n.Body, n.Link, n.NoticeId, n.CreatedAt, n.ReadAt);
}
