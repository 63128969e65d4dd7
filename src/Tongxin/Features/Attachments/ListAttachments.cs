using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Attachments;

public sealed record AttachmentItem(long Id, string FileName, string ContentType, long Size, string? UploadedByName, DateTime UploadedAt,
    string DownloadUrl);

/// <summary>A record's attachments, whether the caller may add or remove them, and the limits the upload control shows.</summary>
public sealed record AttachmentList(IReadOnlyList<AttachmentItem> Items, bool CanWrite, long MaxBytes, int MaxCount, string Accept);

public static class ListAttachments
{
    /// <summary>GET /api/{owner}/{ownerId}/attachments: for whoever may read the owner record.</summary>
    public static async Task<Results<Ok<AttachmentList>, NotFoundProblem>> Handle(AttachmentOwnerKind kind, long ownerId, TongxinDb db,
        ClaimsPrincipal user, AttachmentLimits limits, CancellationToken ct)
    {
        var owner = await AttachmentOwners.Find(db, user, kind, ownerId, ct);
        if (owner is null) return Problems.NotFound(AttachmentOwners.NameOf(kind));
        var rows = await Of(db, owner).AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(new AttachmentList([.. rows.Select(Item)], owner.CanWrite, limits.MaxBytes, limits.MaxPerOwner, AttachmentTypes.Accept));
    }

    public static IQueryable<Attachment> Of(TongxinDb db, AttachmentOwner owner) =>
        db.Attachments.Where(a => a.OwnerKind == owner.Kind && a.OwnerId == owner.Id);

    public static AttachmentItem Item(Attachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAt, $"{AttachmentEndpoints.PrefixOf(a.OwnerKind)}/{a.OwnerId}/attachments/{a.Id}/file");
}
