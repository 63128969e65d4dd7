using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;

namespace Tongxin.Features.Attachments;

public static class DownloadAttachment
{
    public const string AuditAction = "attachment-download";

    /// <summary>
    /// GET /api/{owner}/{ownerId}/attachments/{id}/file: the file, for whoever may read the owner record, always as a
    /// download (<c>Content-Disposition: attachment</c>, <c>nosniff</c>) with the type found at upload; audited.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> Handle(AttachmentOwnerKind kind, long ownerId, long id,
        TongxinDb db, ClaimsPrincipal user, IFileStore store, HttpContext http, CancellationToken ct)
    {
        var owner = await AttachmentOwners.Find(db, user, kind, ownerId, ct);
        if (owner is null) return Problems.NotFound(AttachmentOwners.NameOf(kind));
        var row = await ListAttachments.Of(db, owner).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (row is null) return Problems.NotFound("附件");
        var content = await store.OpenReadAsync(row.StoredKey, ct);
        if (content is null) return Problems.NotFound("附件文件");
        await db.LogAsync(AuditAction, nameof(Attachment), row.Id.ToString(),
            $"下载附件 {row.FileName}（{AttachmentOwners.NameOf(kind)} {ownerId}）", row.RegionCode, row.FigureId, ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, row.ContentType, row.FileName);
    }
}
