using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

public static class RevokeInvitation
{
    /// <summary>Makes a pending code unusable; an activated, expired or revoked one answers 409 naming its state.</summary>
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id);
        if (invitation is null) return Problems.NotFound("邀请");
        invitation.Revoke(DateTime.UtcNow);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
