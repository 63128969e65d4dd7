using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.Notifications;

namespace Tongxin.Features.Liaison;

/// <summary>
/// Reminds a cadre once when an assigned figure's contact falls due (the last <see cref="ContactRules.DueSoonDays"/> days) and
/// once when it is overdue; the period is the due date, so a new contact (a new due date) starts a new cycle.
/// </summary>
public sealed class ContactDueReminder : IReminderRule
{
    public const string KindCode = "contact-due";
    public static readonly NotificationKind NotificationKind = new(KindCode, "联系到期提醒", "联系对象即将到期或已超期未联系时提醒（每个联系周期各一次）", [Roles.Cadre]);

    public string Name => "contact-due";
    public string Kind => KindCode;
    public TimeSpan Every => TimeSpan.FromHours(1);
    public string PeriodOf(DateTime nowUtc) => ReminderJob.LocalDay(nowUtc);

    public async Task<IReadOnlyList<Reminder>> FindAsync(TongxinDb db, DateTime nowUtc, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(nowUtc.AddHours(8));
        var reminders = new List<Reminder>();
        foreach (var state in new[] { DueState.Overdue, DueState.DueSoon })
        {
            // DueRow.Active keeps only figures still in the registry (one who left is no one's contact any more).
            var rows = await DueRow.Active(db).Where(ContactRules.InState(state, today)).AsNoTracking().ToListAsync(ct);
            foreach (var r in rows)
            {
                if (r.NextDueOn is not { } due) continue;
                var title = state == DueState.Overdue ? $"{r.Name}已超期未联系（应于{due:yyyy-MM-dd}前联系）" : $"请于{due:yyyy-MM-dd}前联系{r.Name}";
                var body = r.LastContactOn is { } last ? $"上次联系：{last:yyyy-MM-dd}" : "尚未联系过";
                reminders.Add(new Reminder($"{r.AssignmentId}:{state}", [r.CadreUserId], title, body, "/liaison/mine", Period: due.ToString("yyyy-MM-dd")));
            }
        }
        return reminders;
    }
}

/// <summary>On an assigned figure's birthday (local date), its cadres (on unless a cadre switches it off).</summary>
public sealed class AssignedBirthdayReminder : IReminderRule
{
    public const string KindCode = "birthday-assigned";
    public static readonly NotificationKind NotificationKind = new(KindCode, "联系对象生日提醒", "所联系网络人士生日当天提醒", [Roles.Cadre]);

    public string Name => "birthday-assigned";
    public string Kind => KindCode;
    public TimeSpan Every => TimeSpan.FromHours(1);
    public string PeriodOf(DateTime nowUtc) => ReminderJob.LocalDay(nowUtc);

    public async Task<IReadOnlyList<Reminder>> FindAsync(TongxinDb db, DateTime nowUtc, CancellationToken ct)
    {
        var suffix = DateOnly.FromDateTime(nowUtc.AddHours(8)).ToString("-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.LiaisonAssignments.AsNoTracking()
            .Where(a => a.EndOn == null && a.Figure!.Status == Figures.FigureStatus.Active && a.Figure.BirthDate != null && a.Figure.BirthDate.EndsWith(suffix))
            .Select(a => new { a.FigureId, a.Figure!.Name, a.Figure.BirthDate, a.CadreUserId }).ToListAsync(ct);
        return rows.Where(r => r.BirthDate!.Length == 10).GroupBy(r => (r.FigureId, r.Name))
            .Select(g => new Reminder(g.Key.FigureId.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(r => r.CadreUserId).Distinct().ToList(),
                $"今天是{g.Key.Name}的生日", null, $"/figures/{g.Key.FigureId}")).ToList();
    }
}
