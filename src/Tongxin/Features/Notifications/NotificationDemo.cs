using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.Notifications;

/// <summary>Demo inbox content: a delivered notice to the demo district's members, a welcome line each, birthdays on for demo staff.</summary>
public static class NotificationDemo
{
    public static async Task SeedAsync(TongxinDb db, IReadOnlyDictionary<string, string> demoUserIds, CancellationToken ct)
    {
        if (demoUserIds.Count == 0) return;
        var now = DateTime.UtcNow;
        foreach (var staff in new[] { "staff", "staff_jy" })
            if (demoUserIds.TryGetValue(staff, out var id) && !await db.NotificationSettings.AnyAsync(s => s.UserId == id && s.Kind == NotificationKinds.Birthday, ct))
                db.NotificationSettings.Add(new NotificationSetting { UserId = id, Kind = NotificationKinds.Birthday, Enabled = true });
        if (demoUserIds.TryGetValue("staff", out var publisher) && demoUserIds.TryGetValue("member", out var member))
        {
            var notice = new Notice
            {
                RegionCode = "510500",
                Title = "关于开展2026年度网络人士培训的通知",
                Body = "各位网络人士：\n市委统战部定于下月举办年度培训，请关注后续报名通知。",
                AudienceKind = NoticeAudience.Members,
                AudienceRegionPrefix = "510502",
                AudienceRegionCode = "510502",
                AudienceLabel = "四川省泸州市江阳区的网络人士",
                CreatedBy = publisher,
                CreatedByName = "王芳",
                CreatedAt = now.AddDays(-1),
                State = JobStates.Done,
                RecipientCount = 1,
                DeliveredAt = now.AddDays(-1),
            };
            db.Notices.Add(notice);
            await db.SaveChangesAsync(ct);
            db.Notifications.Add(new Notification
            {
                UserId = member,
                Kind = NotificationKinds.Notice,
                Title = notice.Title,
                Body = notice.Body,
                Link = $"/notices/{notice.Id}",
                NoticeId = notice.Id,
                CreatedAt = notice.CreatedAt,
            });
        }
        foreach (var id in demoUserIds.Values)
            db.Notifications.Add(new Notification { UserId = id, Kind = NotificationKinds.Notice, Title = "欢迎使用同心平台", Body = "消息中心汇集通知公告和各类提醒，可在安全设置中选择接收哪些消息。", CreatedAt = now.AddDays(-2) });
        await db.SaveChangesAsync(ct);
    }

    public static async Task<int> RemoveAsync(TongxinDb db, IReadOnlyCollection<string> demoUserIds, CancellationToken ct)
    {
        var ids = demoUserIds.ToList();
        var n = await db.Notifications.Where(x => ids.Contains(x.UserId)).ExecuteDeleteAsync(ct);
        n += await db.NotificationSettings.Where(x => ids.Contains(x.UserId)).ExecuteDeleteAsync(ct);
        var notices = db.Notices.IgnoreQueryFilters().Where(x => ids.Contains(x.CreatedBy));
        n += await db.Notifications.Where(x => x.NoticeId != null && notices.Any(o => o.Id == x.NoticeId)).ExecuteDeleteAsync(ct);
        n += await notices.ExecuteDeleteAsync(ct);
        return n;
    }
}
