using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

public sealed record InvitationPreview(string FigureNameMasked, string ConsentText, string ConsentVersion, DateTime ExpiresAt);

public static class PreviewInvitation
{
    /// <summary>What the activation page shows before anything is written (anonymous, rate limited per address).</summary>
    public static async Task<Results<Ok<InvitationPreview>, ValidationProblem>> Handle(string? code, TongxinDb db)
    {
        var (invitation, refusal) = await FindUsable(db, code);
        if (invitation is null) return Problems.Validation("code", refusal!);
        var name = await db.Figures.IgnoreQueryFilters().Where(f => f.Id == invitation.FigureId).Select(f => f.Name).FirstAsync();
        return TypedResults.Ok(new InvitationPreview(MemberConsent.MaskName(name), MemberConsent.Text, MemberConsent.Version, invitation.ExpiresAt));
    }

    /// <summary>
    /// The invitation of a code, looked up by its hash across all regions (the person is not signed in), or the
    /// sentence saying why it cannot be used: unknown, used, revoked or expired.
    /// </summary>
    public static async Task<(Invitation? Invitation, string? Refusal)> FindUsable(TongxinDb db, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100) return (null, "邀请链接无效，请联系统战部重新发送");
        var hash = Invitation.HashOf(code);
        var invitation = await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.CodeHash == hash);
        if (invitation is null) return (null, "邀请链接无效，请联系统战部重新发送");
        return invitation.RefusalAt(DateTime.UtcNow) is { } refusal ? (null, refusal) : (invitation, null);
    }
}
