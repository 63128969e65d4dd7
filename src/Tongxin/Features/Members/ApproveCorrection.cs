using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;
using Tongxin.Features.Users;

namespace Tongxin.Features.Members;

public sealed record DecideCorrectionRequest(int? Version, string? Reason = null);

public static class ApproveCorrection
{
    /// <summary>
    /// Applies a correction in one write through the registry's own rules (the figure and account changes are
    /// audited as made by the approving user), or takes a withdrawing figure out of the registry. If the figure
    /// changed since the proposal and a proposed field no longer holds the value the member saw, answers 409 listing
    /// those fields, and nothing is applied. Approving a withdrawal also disables the member's user (their sessions end)
    /// and revokes their open invitations, in the same transaction.
    /// </summary>
    public static async Task<Results<Ok<CorrectionItem>, ValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult>> Handle(
        long id, DecideCorrectionRequest request, TongxinDb db, FieldProtector protector, UserManager<AppUser> users)
    {
        var correction = await db.Corrections.FirstOrDefaultAsync(c => c.Id == id);
        if (correction is null) return Problems.NotFound("申请");
        if (request.Version is null) return Problems.Validation("version", "缺少版本号，请刷新后重试");
        if (request.Version != correction.Version) return Problems.Conflict();
        correction.EnsurePending();
        var figure = await db.Figures.Include(f => f.Accounts).FirstAsync(f => f.Id == correction.FigureId);

        if (correction.Kind == CorrectionKind.Withdrawal)
        {
            if (figure.Status != FigureStatus.Active) return Problems.Conflict($"该人士已{FigureStatusNames.Label(figure.Status)}");
            figure.Withdraw(FigureStatus.Left, $"本人申请注销：{correction.Reason}");
        }
        else
        {
            var changes = correction.Changes;
            var conflicts = figure.Version == correction.FigureVersion ? new List<string>() : MemberFields.Conflicts(figure, changes, protector);
            var metrics = correction.Accounts;
            if (metrics.Any(m => figure.Accounts.All(a => a.Id != m.AccountId))) conflicts.Add("accounts");
            if (conflicts.Count > 0)
                return TypedResults.Problem(
                    title: $"该人士资料在申请后已被修改，以下内容有冲突：{string.Join("、", conflicts.Select(MemberFields.Label))}。请退回申请，由本人核对后重新提交",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["fields"] = conflicts });

            if (changes.Count > 0)
            {
                var errors = new Dictionary<string, string[]>();
                var values = new FigureRules(new DictionaryCodes(db)).Validate(MemberFields.ToApply(changes, protector), errors, nameRequired: false);
                if (errors.Count > 0) return Problems.Validation(errors);
                FigureRules.Apply(figure, values with { RegionCode = null }, protector, replace: false);
                MemberFields.ClearEmptied(figure, changes);
                var clash = await Duplicates.IdNumberTaken(db, figure.IdNumberHash, figure.Id);
                if (clash is not null) return Problems.Validation("changes.idNumber", clash);
            }
            if (metrics.Count > 0)
            {
                var accountIds = metrics.Select(m => m.AccountId).ToList();
                var dates = metrics.Select(m => m.Date).Distinct().ToList();
                await db.MetricSnapshots.Where(s => accountIds.Contains(s.AccountId) && dates.Contains(s.Date)).LoadAsync();
                foreach (var m in metrics)
                {
                    var account = figure.Accounts.First(a => a.Id == m.AccountId);
                    account.Record(m.Date, m.Followers, m.Likes ?? account.Likes, m.Works ?? account.Works, MetricSource.Self);
                }
                figure.RecomputeAccountStats();
            }
        }
        var now = DateTime.UtcNow;
        correction.Approve(now, db.Actor.UserName);
        db.Entry(correction).Property(c => c.Version).OriginalValue = request.Version.Value;
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        if (correction.Kind == CorrectionKind.Withdrawal) await EndMembership(figure, db, users, now);
        await tx.CommitAsync();
        var region = await db.Regions.Where(r => r.Code == figure.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync() ?? figure.RegionCode;
        return TypedResults.Ok(CorrectionItem.From(correction, figure.Name, region));
    }

    /// <summary>
    /// A withdrawn member can no longer act: their user is disabled through the users' own disable path (a new
    /// security stamp ends every session; sign-in fails like any disabled user's) and any invitation still open is
    /// revoked (an earlier link must not make a new account). Both are audited.
    /// </summary>
    private static async Task EndMembership(Figure figure, TongxinDb db, UserManager<AppUser> users, DateTime now)
    {
        foreach (var user in await db.Users.Where(u => u.FigureId == figure.Id).ToListAsync())
            if (!DisableUser.IsDisabled(user))
                await DisableUser.DisableAsync(user, db, users, $"网络人士 {figure.Name} 注销获批，停用其账号 {user.UserName}", figure.Id);
        var open = await db.Invitations.Where(i => i.FigureId == figure.Id && i.ActivatedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync();
        foreach (var invitation in open) invitation.Revoke(now);
        await db.SaveChangesAsync();
    }
}
