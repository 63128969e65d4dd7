using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Features.Dictionaries;
using Tongxin.Features.Notifications;

namespace Tongxin.Features.Liaison;

public static class LiaisonRegistration
{
    public static IServiceCollection AddLiaison(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, LiaisonDictionariesAtStartup>();
        // Reminders for cadres through the notifications feature (decision 0013).
        services.AddNotificationKind(ContactDueReminder.NotificationKind);
        services.AddNotificationKind(AssignedBirthdayReminder.NotificationKind);
        services.AddReminderRule<ContactDueReminder>();
        services.AddReminderRule<AssignedBirthdayReminder>();
        return services;
    }
}

/// <summary>
/// An installation that already had its dictionaries before liaison existed gets the liaison code lists
/// (<c>contactWay</c>, <c>contactRule</c>) once; a type that has any item is left as the office edited it.
/// </summary>
internal sealed class LiaisonDictionariesAtStartup : IStartupTask
{
    public int Order => 410; // after the default dictionaries (400)

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        var present = await db.DictionaryItems.Select(d => d.Type).Distinct().ToListAsync(ct);
        if (present.Count == 0) return;
        var order = await db.DictionaryItems.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
        var added = 0;
        foreach (var (type, code, label) in DefaultDictionaries.Liaison())
        {
            if (present.Contains(type)) continue;
            db.DictionaryItems.Add(new DictionaryItem { Type = type, Code = code, Label = label, SortOrder = ++order });
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
    }
}
