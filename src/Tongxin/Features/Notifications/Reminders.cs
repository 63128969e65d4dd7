using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.Notifications;

/// <summary>
/// One reminder a rule found: about one subject (a figure, a contact, an invitation), for some users. <paramref name="Period"/>
/// replaces the rule's period for this subject (e.g. a due date: once per due cycle, whatever day the job runs).
/// </summary>
public sealed record Reminder(string Subject, IReadOnlyCollection<string> UserIds, string Title, string? Body, string? Link, string? Period = null);

/// <summary>
/// A reminder rule: what is due in the current period. A feature adds one with
/// <see cref="NotificationsRegistration.AddReminderRule{T}"/>; it runs as a recurring job (once across servers) and each
/// (rule, subject, period) is raised at most once (<see cref="ReminderSent"/>), however often the job runs.
/// </summary>
public interface IReminderRule
{
    /// <summary>Stable name, part of the sent key and of the job's name.</summary>
    string Name { get; }

    /// <summary>The <see cref="NotificationKind"/> raised (the recipients' switch for it applies).</summary>
    string Kind { get; }

    /// <summary>How often the job looks; a daily rule can look hourly and still remind once a day.</summary>
    TimeSpan Every { get; }

    /// <summary>The period a reminder belongs to, e.g. the local date for a daily rule.</summary>
    string PeriodOf(DateTime nowUtc);

    Task<IReadOnlyList<Reminder>> FindAsync(TongxinDb db, DateTime nowUtc, CancellationToken ct);
}

/// <summary>The recurring job of one rule: finds what is due and raises each reminder once per (rule, subject, period).</summary>
public sealed class ReminderJob(IReminderRule rule) : IRecurringJob
{
    public string Name => "reminder-" + rule.Name;
    public TimeSpan Period => rule.Every;
    public bool Enabled => true;
    public IReminderRule Rule => rule;

    public Task<string> RunAsync(IServiceProvider services, CancellationToken ct) => RunAsync(services, DateTime.UtcNow, ct);

    public async Task<string> RunAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var db = services.GetRequiredService<TongxinDb>();
        var notifier = services.GetRequiredService<INotifier>();
        var runPeriod = rule.PeriodOf(nowUtc);
        int raised = 0, skipped = 0, notifications = 0;
        foreach (var r in await rule.FindAsync(db, nowUtc, ct))
        {
            var period = r.Period ?? runPeriod;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The key first: the run (or server) whose insert loses writes nothing; the winner's rows commit with the key.
            var now = DateTime.UtcNow;
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "RemindersSent" ("Rule", "Subject", "Period", "SentAt", "Recipients") VALUES ({rule.Name}, {r.Subject}, {period}, {now}, 0) ON CONFLICT DO NOTHING""", ct);
            if (claimed != 1) { skipped++; continue; }
            var count = await notifier.NotifyAsync(r.UserIds, rule.Kind, r.Title, r.Body, r.Link, ct);
            await db.RemindersSent.Where(s => s.Rule == rule.Name && s.Subject == r.Subject && s.Period == period)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recipients, count), ct);
            await tx.CommitAsync(ct);
            raised++;
            notifications += count;
        }
        return $"{raised} reminders ({notifications} notifications), {skipped} already sent ({runPeriod})";
    }

    /// <summary>The local (Asia/Shanghai, UTC+8, no daylight saving) date of a UTC time, as a period key.</summary>
    public static string LocalDay(DateTime nowUtc) => DateOnly.FromDateTime(nowUtc.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
