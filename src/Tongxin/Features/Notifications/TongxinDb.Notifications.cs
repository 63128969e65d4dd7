using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Notifications;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();
    public DbSet<Notice> Notices => Set<Notice>();
}
