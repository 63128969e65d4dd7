using Tongxin.Features.Auth;
using Tongxin.Features.Notifications;

namespace Tongxin.Features.Members;

public static class MemberRegistration
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<ISignInNameResolver, MobileSignIn>();
        // Staff are reminded of their invitations about to expire (notifications, decision 0013).
        services.AddNotificationKind(InvitationExpiryReminder.NotificationKind);
        services.AddReminderRule<InvitationExpiryReminder>();
        return services;
    }
}
