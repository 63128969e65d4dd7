using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

/// <summary>New metrics of one of the member's own accounts (a snapshot with source self, dated today).</summary>
public sealed record AccountMetricsInput(long AccountId, long? Followers, long? Likes, long? Works);

public sealed record ProposeCorrectionRequest(Dictionary<string, string?>? Changes, List<AccountMetricsInput>? Accounts);
public sealed record CorrectionCreated(long Id);

public static class ProposeCorrection
{
    /// <summary>
    /// A pending change to the member's own fields and account metrics. Nothing in the record changes until staff
    /// approve it. A field only staff keep (region, status, key level, tags, category, notes…) answers 400 naming it.
    /// </summary>
    public static async Task<Results<Created<CorrectionCreated>, ValidationProblem, NotFoundProblem>> Handle(
        ProposeCorrectionRequest request, ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope, FieldProtector protector)
    {
        if (await MemberContext.FigureIdAsync(me, db, scope) is not { } id) return Problems.NotFound("您的人士资料");
        var figure = await db.Figures.AsNoTracking().Include(f => f.Accounts).FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("您的人士资料");
        var errors = new Dictionary<string, string[]>();
        var changes = MemberFields.Propose(figure, request.Changes ?? [], new DictionaryCodes(db), protector, errors);

        var metrics = new List<ProposedMetrics>();
        var today = MetricSnapshot.Today();
        foreach (var (input, i) in (request.Accounts ?? []).Select((a, i) => (a, i)))
        {
            var account = figure.Accounts.FirstOrDefault(a => a.Id == input.AccountId);
            if (account is null) return Problems.NotFound("账号");
            if (input.Followers is null) errors[$"accounts[{i}].followers"] = ["请填写粉丝数"];
            else if (input.Followers < 0) errors[$"accounts[{i}].followers"] = ["粉丝数不能为负数"];
            if (input.Likes < 0) errors[$"accounts[{i}].likes"] = ["获赞数不能为负数"];
            if (input.Works < 0) errors[$"accounts[{i}].works"] = ["作品数不能为负数"];
            if (input.Followers is { } f && f >= 0 && (f != account.Followers || (input.Likes ?? account.Likes) != account.Likes
                || (input.Works ?? account.Works) != account.Works))
                metrics.Add(new ProposedMetrics(account.Id, account.Platform, account.Handle, account.Followers, f, input.Likes, input.Works, today));
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        if (changes.Count == 0 && metrics.Count == 0) return Problems.Validation("changes", "没有需要更正的内容");

        var correction = new Correction
        {
            FigureId = id,
            Kind = CorrectionKind.Correction,
            State = CorrectionState.Pending,
            FigureVersion = figure.Version,
            SubmittedAt = DateTime.UtcNow,
            SubmittedBy = db.Actor.UserName,
            Changes = changes,
            Accounts = metrics,
        };
        db.Corrections.Add(correction);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/me/corrections/{correction.Id}", new CorrectionCreated(correction.Id));
    }
}
