using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.Notifications;

namespace Tongxin.Features.Members;

/// <summary>
/// Two days before a pending invitation expires, the staff user who made it is reminded once (to call the person or
/// invite again).
/// </summary>
public sealed class InvitationExpiryReminder : IReminderRule
{
    public const string KindCode = "invitation-expiring";
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(2);
    public static readonly NotificationKind NotificationKind = new(KindCode, "邀请即将过期提醒", "您发出的激活邀请两天内过期且尚未激活时提醒", [Roles.Staff, Roles.Admin]);

    public string Name => "invitation-expiring";
    public string Kind => KindCode;
    public TimeSpan Every => TimeSpan.FromHours(1);
    public string PeriodOf(DateTime nowUtc) => "once";

    public async Task<IReadOnlyList<Reminder>> FindAsync(TongxinDb db, DateTime nowUtc, CancellationToken ct)
    {
        var until = nowUtc + Ahead;
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.RevokedAt == null && i.ActivatedAt == null && i.ExpiresAt > nowUtc && i.ExpiresAt <= until && i.CreatedBy != null)
            .Select(i => new { i.Id, i.FigureId, i.Figure!.Name, i.ExpiresAt, i.CreatedBy }).ToListAsync(ct);
        var names = rows.Select(r => r.CreatedBy!.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id, ct);
        return rows.Where(r => users.ContainsKey(r.CreatedBy!.ToUpperInvariant())).Select(r => new Reminder(
            r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [users[r.CreatedBy!.ToUpperInvariant()]],
            $"{r.Name}的激活邀请即将过期", $"过期时间：{r.ExpiresAt.AddHours(8):yyyy-MM-dd HH:mm}，对方尚未激活", "/invitations")).ToList();
    }
}
