using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;

namespace Tongxin.Features.Attachments;

public static class UploadAttachment
{
    /// <summary>
    /// POST /api/{owner}/{ownerId}/attachments (multipart <c>file</c>): one file, checked by its content, within the size and
    /// count limits, for whoever may edit the owner record. The file is stored under a key the server makes; the row
    /// (audited) names it. A record the caller may read but not edit answers 403; one they may not read, 404.
    /// </summary>
    public static async Task<Results<Created<AttachmentItem>, ValidationProblem, NotFoundProblem, ForbidHttpResult>> Handle(
        AttachmentOwnerKind kind, long ownerId, IFormFile? file, TongxinDb db, ClaimsPrincipal user, AttachmentLimits limits,
        IFileStore store, CancellationToken ct)
    {
        var owner = await AttachmentOwners.Find(db, user, kind, ownerId, ct);
        if (owner is null) return Problems.NotFound(AttachmentOwners.NameOf(kind));
        if (!owner.CanWrite) return TypedResults.Forbid();
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要上传的文件");
        if (file.Length > limits.MaxBytes) return Problems.Validation("file", limits.TooLargeMessage);
        var type = AttachmentTypes.ByExtension(file.FileName);
        if (type is null) return Problems.Validation("file", $"只能上传{AttachmentTypes.AllowedText}");
        if (await ListAttachments.Of(db, owner).CountAsync(ct) >= limits.MaxPerOwner)
            return Problems.Validation("file", $"每条记录最多上传{limits.MaxPerOwner}个附件");

        await using var content = file.OpenReadStream();
        if (!AttachmentTypes.Matches(type, content))
            return Problems.Validation("file", $"文件内容与扩展名不符或已损坏，只能上传{AttachmentTypes.AllowedText}");

        var now = DateTime.UtcNow;
        var key = $"attachments/{now:yyyy}/{now:MM}/{UserFiles.NewToken()}";
        await store.SaveAsync(key, content, ct);
        var row = new Attachment
        {
            OwnerKind = kind,
            OwnerId = ownerId,
            RegionCode = owner.RegionCode,
            FigureId = owner.FigureId,
            FileName = AttachmentFileName.Sanitize(file.FileName, type),
            ContentType = type.ContentType,
            Size = file.Length,
            StoredKey = key,
            UploadedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UploadedByName = user.FindFirstValue(TongxinClaims.DisplayName) is { Length: > 0 } display ? display : user.Identity?.Name,
            UploadedAt = now,
        };
        db.Attachments.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        var item = ListAttachments.Item(row);
        return TypedResults.Created(item.DownloadUrl, item);
    }
}
