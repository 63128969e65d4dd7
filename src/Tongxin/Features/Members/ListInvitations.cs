using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

public sealed record InvitationItem(long Id, long FigureId, string FigureName, string RegionName, string State,
    DateTime CreatedAt, DateTime ExpiresAt, string? CreatedBy, DateTime? ActivatedAt, DateTime? RevokedAt);

public static class ListInvitations
{
    /// <summary>Who is invited, activated, expired or revoked, newest first, within the caller's regions.</summary>
    public static async Task<Results<Ok<Paged<InvitationItem>>, ValidationProblem>> Handle(TongxinDb db, string? state,
        long? figureId, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Invitations.AsNoTracking();
        var now = DateTime.UtcNow;
        if (!string.IsNullOrWhiteSpace(state))
        {
            var wanted = InvitationStates.FromApi(state);
            if (wanted is null) return Problems.Validation("state", "状态应为 pending、activated、expired 或 revoked");
            query = wanted switch
            {
                InvitationState.Pending => query.Where(i => i.RevokedAt == null && i.ActivatedAt == null && i.ExpiresAt > now),
                InvitationState.Activated => query.Where(i => i.RevokedAt == null && i.ActivatedAt != null),
                InvitationState.Expired => query.Where(i => i.RevokedAt == null && i.ActivatedAt == null && i.ExpiresAt <= now),
                _ => query.Where(i => i.RevokedAt != null),
            };
        }
        if (figureId is { } fid) query = query.Where(i => i.FigureId == fid);
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new
            {
                Invitation = i,
                Name = i.Figure!.Name,
                Region = db.Regions.Where(r => r.Code == i.Figure.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? i.Figure.RegionCode,
            }).ToListAsync();
        var items = rows.Select(r => new InvitationItem(r.Invitation.Id, r.Invitation.FigureId, r.Name, r.Region,
            InvitationStates.ToApi(r.Invitation.StateAt(now)), r.Invitation.CreatedAt, r.Invitation.ExpiresAt, r.Invitation.CreatedBy,
            r.Invitation.ActivatedAt, r.Invitation.RevokedAt)).ToList();
        return TypedResults.Ok(new Paged<InvitationItem>(items, total));
    }
}
