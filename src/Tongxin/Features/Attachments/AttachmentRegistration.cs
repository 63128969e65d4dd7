namespace Tongxin.Features.Attachments;

public static class AttachmentRegistration
{
    /// <summary>The limits, read once from configuration (<see cref="AttachmentLimits.From"/>).</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(AttachmentLimits.From(config));
}
