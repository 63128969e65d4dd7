using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

/// <summary>
/// One figure's outcome of a batch invitation: <c>invited</c> (with the new invitation), or skipped —
/// <c>active</c> (already has an account), <c>noMobile</c> (no registered mobile number to sign in with) or
/// <c>left</c> (no longer in the registry) — with a message saying why.
/// </summary>
public sealed record InviteSelectionItem(long FigureId, string Name, string Result, string? Message, InvitationCreated? Invitation);

public sealed record InviteSelectionResult(List<InviteSelectionItem> Items, int Invited, int Skipped);

/// <summary>
/// 邀请开通 from the figure list's selection: unlike <see cref="CreateInvitations"/> (all or nothing), each figure is
/// invited or skipped on its own, and the answer says which and why. Out-of-scope ids answer 404.
/// </summary>
public static class InviteSelection
{
    public static async Task<Results<Ok<InviteSelectionResult>, ValidationProblem, NotFoundProblem>> Handle(
        CreateInvitationsRequest request, TongxinDb db, FieldProtector protector, HttpContext http)
    {
        var ids = request.FigureIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) return Problems.Validation("figureIds", "请选择要邀请的人士");
        if (ids.Count > CreateInvitations.MaxFigures) return Problems.Validation("figureIds", $"一次最多邀请{CreateInvitations.MaxFigures}位人士");
        var figures = await db.Figures.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Name, f.Status, f.PhoneCipher }).ToListAsync();
        if (figures.Count != ids.Count) return Problems.NotFound("人士");
        var linked = (await db.Users.Where(u => u.FigureId != null && ids.Contains(u.FigureId.Value)).Select(u => u.FigureId!.Value).ToListAsync()).ToHashSet();

        var outcome = new Dictionary<long, (string Result, string Message)>();
        foreach (var f in figures)
        {
            if (f.Status != FigureStatus.Active) outcome[f.Id] = ("left", $"已{FigureStatusNames.Label(f.Status)}，不能邀请");
            else if (linked.Contains(f.Id)) outcome[f.Id] = ("active", "已开通账号，无需邀请");
            else if (PhoneNumber.Parse(protector.Decrypt(f.PhoneCipher) ?? "") is not { IsValid: true, Kind: PhoneKind.Mobile })
                outcome[f.Id] = ("noMobile", "未登记手机号，开通后无法用手机号登录，请先补充手机号");
        }
        var toInvite = ids.Where(id => !outcome.ContainsKey(id)).ToList();
        var created = toInvite.Count == 0 ? [] : await CreateInvitations.IssueAsync(db, toInvite, $"{http.Request.Scheme}://{http.Request.Host}");
        var byFigure = created.ToDictionary(c => c.FigureId);
        var names = figures.ToDictionary(f => f.Id, f => f.Name);
        var items = ids.Select(id => byFigure.TryGetValue(id, out var c)
            ? new InviteSelectionItem(id, names[id], "invited", null, c)
            : new InviteSelectionItem(id, names[id], outcome[id].Result, outcome[id].Message, null)).ToList();
        return TypedResults.Ok(new InviteSelectionResult(items, created.Count, items.Count - created.Count));
    }
}
