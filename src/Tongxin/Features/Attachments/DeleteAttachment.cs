using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Attachments;

public static class DeleteAttachment
{
    /// <summary>
    /// DELETE /api/{owner}/{ownerId}/attachments/{id}: for whoever may edit the owner record; the row's audit line is
    /// written with it, and the stored file is removed once the row is (<see cref="AttachmentCleanup"/>).
    /// </summary>
    public static async Task<Results<NoContent, NotFoundProblem, ForbidHttpResult>> Handle(AttachmentOwnerKind kind, long ownerId, long id,
        TongxinDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var owner = await AttachmentOwners.Find(db, user, kind, ownerId, ct);
        if (owner is null) return Problems.NotFound(AttachmentOwners.NameOf(kind));
        var row = await ListAttachments.Of(db, owner).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (row is null) return Problems.NotFound("附件");
        if (!owner.CanWrite) return TypedResults.Forbid();
        db.Attachments.Remove(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
