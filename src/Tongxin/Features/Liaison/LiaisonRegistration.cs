using Tongxin.Features.Notifications;

namespace Tongxin.Features.Liaison;

public static class LiaisonRegistration
{
    public static IServiceCollection AddLiaison(this IServiceCollection services)
    {
        // Reminders for cadres through the notifications feature (decision 0013).
        services.AddNotificationKind(ContactDueReminder.NotificationKind);
        services.AddNotificationKind(AssignedBirthdayReminder.NotificationKind);
        services.AddReminderRule<ContactDueReminder>();
        services.AddReminderRule<AssignedBirthdayReminder>();
        return services;
    }
}
