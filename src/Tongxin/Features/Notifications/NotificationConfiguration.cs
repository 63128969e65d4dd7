using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.Link).HasMaxLength(500);
        // The inbox's first page: a user's rows newest first (ids grow with time), read from the index's end.
        e.HasIndex(x => new { x.UserId, x.Id });
        // Unread count and the unread list: only unread rows are in this index, so the count reads a handful
        // of entries however large the table grows (20M rows, mostly read).
        e.HasIndex(x => new { x.UserId, x.Id }, "IX_Notifications_Unread").HasFilter("\"ReadAt\" IS NULL");
        // A notice reaches each user once, even when its fan-out is run again after a crash.
        e.HasIndex(x => new { x.NoticeId, x.UserId }).IsUnique().HasFilter("\"NoticeId\" IS NOT NULL");
    }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> e)
    {
        e.HasKey(x => new { x.UserId, x.Kind });
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.HasIndex(x => new { x.Kind, x.Enabled });
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> e)
    {
        e.ToTable("RemindersSent");
        e.HasKey(x => new { x.Rule, x.Subject, x.Period });
        e.Property(x => x.Rule).HasMaxLength(64);
        e.Property(x => x.Subject).HasMaxLength(128);
        e.Property(x => x.Period).HasMaxLength(32);
        e.HasIndex(x => x.SentAt);
    }
}
