using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Notifications;

/// <summary>
/// On a figure's birthday (local date), the staff of the figure's own region who switched the birthday reminder on.
/// Looked for hourly, raised once a day per figure.
/// </summary>
public sealed class BirthdayRule : IReminderRule
{
    public string Name => "birthday";
    public string Kind => NotificationKinds.Birthday;
    public TimeSpan Every => TimeSpan.FromHours(1);
    public string PeriodOf(DateTime nowUtc) => ReminderJob.LocalDay(nowUtc);

    public async Task<IReadOnlyList<Reminder>> FindAsync(TongxinDb db, DateTime nowUtc, CancellationToken ct)
    {
        var staffRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Staff).Select(r => r.Id).FirstOrDefaultAsync(ct) ?? "";
        // Only those who opted in (the kind is off by default), so the figures looked at are those of their regions.
        var staff = await (from s in db.NotificationSettings
                           join u in db.Users on s.UserId equals u.Id
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           where s.Kind == NotificationKinds.Birthday && s.Enabled && ur.RoleId == staffRole
                           select new { u.Id, u.RegionCode }).Distinct().ToListAsync(ct);
        if (staff.Count == 0) return [];
        var byRegion = staff.GroupBy(s => s.RegionCode).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
        var regions = byRegion.Keys.ToList();
        var today = DateOnly.FromDateTime(nowUtc.AddHours(8));
        var suffix = today.ToString("-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var figures = await db.Figures.AsNoTracking()
            .Where(f => f.Status == FigureStatus.Active && regions.Contains(f.RegionCode) && f.BirthDate != null && f.BirthDate.EndsWith(suffix))
            .Select(f => new { f.Id, f.Name, f.RegionCode, f.BirthDate }).ToListAsync(ct);
        return figures.Where(f => f.BirthDate!.Length == 10).Select(f => new Reminder(
            f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), byRegion[f.RegionCode],
            $"今天是{f.Name}的生日", Age(f.BirthDate!, today) is { } age ? $"{f.Name}今天 {age} 岁。" : null, $"/figures/{f.Id}")).ToList();
    }

    private static int? Age(string birth, DateOnly today) =>
        int.TryParse(birth.AsSpan(0, 4), out var year) && year > 1900 && year < today.Year ? today.Year - year : null;
}
