using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

public sealed record CreateInvitationsRequest(List<long>? FigureIds);

/// <summary>A new invitation: the code and link are shown this once (only the code's hash is kept).</summary>
public sealed record InvitationCreated(long FigureId, long InvitationId, string Code, string Url, DateTime ExpiresAt);

public static class CreateInvitations
{
    public const int MaxFigures = 500;

    /// <summary>Invites figures (one or many from a filtered list); re-inviting revokes the figure's earlier codes.</summary>
    public static async Task<Results<Ok<List<InvitationCreated>>, ValidationProblem, NotFoundProblem>> Handle(
        CreateInvitationsRequest request, TongxinDb db, HttpContext http)
    {
        var ids = request.FigureIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) return Problems.Validation("figureIds", "请选择要邀请的人士");
        if (ids.Count > MaxFigures) return Problems.Validation("figureIds", $"一次最多邀请{MaxFigures}位人士");
        var figures = await db.Figures.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Name, f.Status }).ToListAsync();
        if (figures.Count != ids.Count) return Problems.NotFound("人士");
        var left = figures.Where(f => f.Status != FigureStatus.Active).Select(f => f.Name).ToList();
        if (left.Count > 0) return Problems.Validation("figureIds", $"{string.Join("、", left.Take(5))}已不在库，不能邀请");
        var linked = await db.Users.Where(u => u.FigureId != null && ids.Contains(u.FigureId.Value)).Select(u => u.FigureId!.Value).ToListAsync();
        if (linked.Count > 0)
        {
            var names = figures.Where(f => linked.Contains(f.Id)).Select(f => f.Name).Take(5);
            return Problems.Validation("figureIds", $"{string.Join("、", names)}已开通账号，无需邀请");
        }

        return TypedResults.Ok(await IssueAsync(db, ids, $"{http.Request.Scheme}://{http.Request.Host}"));
    }

    /// <summary>New codes for figures already checked (in scope, in the registry, no account): earlier open codes are revoked.</summary>
    public static async Task<List<InvitationCreated>> IssueAsync(TongxinDb db, IReadOnlyCollection<long> ids, string origin)
    {
        var now = DateTime.UtcNow;
        var earlier = await db.Invitations.Where(i => ids.Contains(i.FigureId) && i.ActivatedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync();
        foreach (var invitation in earlier) invitation.Revoke(now);
        var created = new List<(Invitation Invitation, string Code)>();
        foreach (var id in ids)
        {
            var code = Invitation.NewCode();
            var invitation = new Invitation
            {
                FigureId = id,
                CodeHash = Invitation.HashOf(code),
                CreatedAt = now,
                ExpiresAt = now + Invitation.Lifetime,
                CreatedBy = db.Actor.UserName,
            };
            db.Invitations.Add(invitation);
            created.Add((invitation, code));
        }
        await db.SaveChangesAsync();
        return created.Select(c => new InvitationCreated(c.Invitation.FigureId, c.Invitation.Id, c.Code,
            LinkOf(origin, c.Code), c.Invitation.ExpiresAt)).ToList();
    }

    /// <summary>The link the person opens on their phone: the member app's activation page.</summary>
    public static string LinkOf(string origin, string code) => $"{origin}/m/activate?code={Uri.EscapeDataString(code)}";
}
