using Tongxin.Common.Domain;

namespace Tongxin.Features.Notifications;

/// <summary>
/// One line of a user's in-app inbox. Rows are written in bulk (<see cref="Notifier"/>, the notice fan-out), never
/// edited except to mark them read, and belong to their user alone: another user's row answers 404.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>A <see cref="NotificationKind"/> code ("notice", "birthday", …); the user may switch most kinds off.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    /// <summary>Path of the record in the app ("/figures/12"), or null.</summary>
    public string? Link { get; set; }
    /// <summary>Set when the row is a notice's copy for this user (read receipts count these).</summary>
    public long? NoticeId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>Marks the row read once; false when it already was (a second read changes nothing).</summary>
    public bool MarkRead(DateTime now)
    {
        if (ReadAt is not null) return false;
        ReadAt = now;
        return true;
    }
}

/// <summary>A user's choice for one kind; only the kinds the user has set have a row (the kind's default applies otherwise).</summary>
public class NotificationSetting
{
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public bool Enabled { get; set; }
}

/// <summary>
/// A reminder already raised: (rule, subject, period) is the key, so two servers or two runs of the same
/// period insert it once and only the run whose insert succeeded writes the notifications.
/// </summary>
public class ReminderSent
{
    public required string Rule { get; set; }
    public required string Subject { get; set; }
    public required string Period { get; set; }
    public DateTime SentAt { get; set; }
    public int Recipients { get; set; }
}
