using System.Text.RegularExpressions;
using Tongxin.Features.Imports;

namespace Tongxin.Features.Attachments;

public static class AttachmentRegistration
{
    /// <summary>
    /// The limits, read once from configuration (<see cref="AttachmentLimits.From"/>), and the upload routes' body limit:
    /// a body over it is answered with the same message as a file just over the size limit.
    /// </summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration config)
    {
        var limits = AttachmentLimits.From(config);
        services.AddSingleton(limits);
        services.AddSingleton(new UploadRoute(new Regex(@"^/api/(contact-logs|help-requests|help-request-steps|task-reports)/\d+/attachments/?$", RegexOptions.IgnoreCase),
            limits.MaxBodyBytes, limits.TooLargeMessage));
        return services;
    }
}
