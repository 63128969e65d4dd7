using Tongxin.Common.Jobs;

namespace Tongxin.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// The notifier, its kinds, the delivery channels from <c>Tongxin:Notifications</c> (the logging channel when none
    /// is configured), the notice fan-out and this feature's reminder rules.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Tongxin:Notifications").Get<NotificationOptions>() ?? new NotificationOptions();
        services.AddSingleton(options);
        services.AddSingleton<NotificationKinds>();
        foreach (var kind in NotificationKinds.Own) services.AddNotificationKind(kind);
        services.AddScoped<INotifier, Notifier>();
        var external = false;
        if (!string.IsNullOrWhiteSpace(options.Sms.Url))
        {
            services.AddHttpClient("sms", c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<INotificationChannel, SmsChannel>();
            external = true;
        }
        if (!string.IsNullOrWhiteSpace(options.WeChat.AppId))
        {
            services.AddHttpClient("wechat", c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<INotificationChannel, WeChatChannel>();
            external = true;
        }
        if (!external) services.AddSingleton<INotificationChannel, LoggingChannel>();
        // Binding a member's WeChat (their openid) is offered when an official account is configured.
        services.AddHttpClient(WeChatOAuth.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IWeChatOAuth, WeChatOAuth>();
        services.AddSingleton<NoticeFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeFanOut>());
        services.AddReminderRule<BirthdayRule>();
        return services;
    }

    /// <summary>Registers a kind of notification a feature raises (it appears in everyone's settings whose role receives it).</summary>
    public static IServiceCollection AddNotificationKind(this IServiceCollection services, NotificationKind kind) => services.AddSingleton(kind);

    /// <summary>Registers a reminder rule as a recurring job (run once across servers, each reminder once per period).</summary>
    public static IServiceCollection AddReminderRule<T>(this IServiceCollection services) where T : class, IReminderRule
    {
        services.AddSingleton<T>();
        services.AddSingleton<IRecurringJob>(sp => new ReminderJob(sp.GetRequiredService<T>()));
        return services;
    }
}
