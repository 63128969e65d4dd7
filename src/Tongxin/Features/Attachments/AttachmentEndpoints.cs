using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;

namespace Tongxin.Features.Attachments;

/// <summary>
/// Attachments (附件) of contact logs, help requests, their timeline steps and quarterly reports: the same four routes under each owner,
/// <c>{prefix}/{ownerId}/attachments</c> (list, upload) and <c>…/attachments/{id}</c> (delete), <c>…/{id}/file</c>
/// (download), with the owner's read permission for reading and its edit permission for changes.
/// </summary>
public static class AttachmentEndpoints
{
    public static string PrefixOf(AttachmentOwnerKind kind) => kind switch
    {
        AttachmentOwnerKind.ContactLog => "/api/contact-logs",
        AttachmentOwnerKind.HelpRequest => "/api/help-requests",
        AttachmentOwnerKind.HelpRequestStep => "/api/help-request-steps",
        _ => "/api/task-reports",
    };

    public static void Map(RouteGroupBuilder api)
    {
        MapOwner(api, AttachmentOwnerKind.ContactLog, "/contact-logs", [Permissions.ContactLogsRead], [Permissions.ContactLogsWrite]);
        MapOwner(api, AttachmentOwnerKind.HelpRequest, "/help-requests", [Permissions.HelpRequestsView], AttachmentOwners.HelpRequestWriters);
        MapOwner(api, AttachmentOwnerKind.HelpRequestStep, "/help-request-steps", [Permissions.HelpRequestsView], AttachmentOwners.HelpRequestWriters);
        MapOwner(api, AttachmentOwnerKind.TaskReport, "/task-reports", [Permissions.TasksRead], [Permissions.TasksReport]);
    }

    private static void MapOwner(RouteGroupBuilder api, AttachmentOwnerKind kind, string prefix, string[] read, string[] write)
    {
        var g = api.MapGroup(prefix + "/{ownerId:long}/attachments").WithTags("Attachments");
        var readers = read.SelectMany(Permissions.RolesWith).Distinct().ToArray();
        var writers = write.SelectMany(Permissions.RolesWith).Distinct().ToArray();
        var name = kind.ToString();
        // A body over the cap is answered before it is read (Imports/UploadLengthCheck, with the handler's message); one
        // just over the file limit gets the Chinese 400 from the handler. The form reader's own part limit (the imports'
        // 20 MB) follows the configured size, which may be larger.
        var bodyCap = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<AttachmentLimits>().MaxBodyBytes;
        g.MapGet("/", (long ownerId, TongxinDb db, ClaimsPrincipal user, AttachmentLimits limits, CancellationToken ct) =>
                ListAttachments.Handle(kind, ownerId, db, user, limits, ct))
            .WithName($"List{name}Attachments").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(readers));
        // The /api group's AntiforgeryFilter checks X-XSRF-TOKEN; the built-in form check would demand middleware we do not use.
        g.MapPost("/", (long ownerId, IFormFile? file, TongxinDb db, ClaimsPrincipal user, AttachmentLimits limits, IFileStore store, CancellationToken ct) =>
                UploadAttachment.Handle(kind, ownerId, file, db, user, limits, store, ct))
            .WithName($"Upload{name}Attachment").DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(bodyCap))
            .WithFormOptions(multipartBodyLengthLimit: bodyCap)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(writers));
        g.MapGet("/{id:long}/file", (long ownerId, long id, TongxinDb db, ClaimsPrincipal user, IFileStore store, HttpContext http, CancellationToken ct) =>
                DownloadAttachment.Handle(kind, ownerId, id, db, user, store, http, ct))
            .WithName($"Download{name}Attachment").Produces(200, contentType: "application/octet-stream")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(readers));
        g.MapDelete("/{id:long}", (long ownerId, long id, TongxinDb db, ClaimsPrincipal user, CancellationToken ct) =>
                DeleteAttachment.Handle(kind, ownerId, id, db, user, ct))
            .WithName($"Delete{name}Attachment").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(writers));
    }
}
