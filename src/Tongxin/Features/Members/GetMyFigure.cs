using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Features.Accounts;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

public sealed record MyAccount(long Id, string Platform, string Handle, string? Url, long Followers, long? Likes, long? Works,
    DateOnly? MetricsDate, IReadOnlyList<SnapshotItem> History);

/// <summary>A member's own record as "我的资料" shows it: sensitive identity fields masked, dictionary codes as labels.</summary>
public sealed record MyFigure
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string? Gender { get; init; }
    public required string? BirthDate { get; init; }
    public required string? Ethnicity { get; init; }
    public required string? PoliticalAffiliation { get; init; }
    public required string? Education { get; init; }
    public required string? IdNumberMasked { get; init; }
    public required string? PhoneMasked { get; init; }
    public required string? HomeAddressMasked { get; init; }
    public required string? Email { get; init; }
    public required string? WeChat { get; init; }
    public required string RegionName { get; init; }
    public required string? Workplace { get; init; }
    public required string? JobTitle { get; init; }
    public required string? Fields { get; init; }
    public required string Status { get; init; }
    public required string? ConsentVersion { get; init; }
    public required DateTime? ConsentAt { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<MyAccount> Accounts { get; init; }
    public required IReadOnlyList<PositionItem> Positions { get; init; }
    public required IReadOnlyList<HonourItem> Honours { get; init; }
    public required IReadOnlyList<FigureOrganizationItem> Organizations { get; init; }
    /// <summary>A withdrawal request is waiting for staff.</summary>
    public required bool WithdrawalPending { get; init; }
    public required int PendingCorrections { get; init; }
}

public static class GetMyFigure
{
    public static async Task<Results<Ok<MyFigure>, NotFoundProblem>> Handle(ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope)
    {
        if (await MemberContext.FigureIdAsync(me, db, scope) is not { } id) return Problems.NotFound("您的人士资料");
        var detail = await GetFigure.Load(db, id);
        if (detail is null) return Problems.NotFound("人士");
        var history = (await db.MetricSnapshots.AsNoTracking().Where(s => s.Account!.FigureId == id).OrderBy(s => s.Date).ThenBy(s => s.Id)
            .ToListAsync()).ToLookup(s => s.AccountId);
        var pending = await db.Corrections.Where(c => c.FigureId == id && c.State == CorrectionState.Pending)
            .GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var codes = new DictionaryCodes(db);
        string? Label(string type, string? code) => code is null ? null : codes.Label(type, code);
        return TypedResults.Ok(new MyFigure
        {
            Id = detail.Id,
            Name = detail.Name,
            Gender = detail.Gender,
            BirthDate = detail.BirthDate,
            Ethnicity = Label("ethnicity", detail.Ethnicity),
            PoliticalAffiliation = Label("politicalAffiliation", detail.PoliticalAffiliation),
            Education = Label("education", detail.Education),
            IdNumberMasked = detail.IdNumberMasked,
            PhoneMasked = detail.PhoneMasked,
            HomeAddressMasked = detail.HomeAddressMasked,
            Email = detail.Email,
            WeChat = detail.WeChat,
            RegionName = detail.RegionName,
            Workplace = detail.Workplace,
            JobTitle = detail.JobTitle,
            Fields = detail.Fields,
            Status = detail.Status,
            ConsentVersion = detail.ConsentVersion,
            ConsentAt = detail.ConsentAt,
            Version = detail.Version,
            Accounts = detail.Accounts.Select(a => new MyAccount(a.Id, Label("platform", a.Platform) ?? a.Platform, a.Handle, a.Url,
                a.Followers, a.Likes, a.Works, a.MetricsDate, history[a.Id].Select(SnapshotItem.From).ToList())).ToList(),
            Positions = detail.Positions,
            Honours = detail.Honours,
            Organizations = detail.Organizations,
            WithdrawalPending = pending.Any(p => p.Key == CorrectionKind.Withdrawal),
            PendingCorrections = pending.Where(p => p.Key == CorrectionKind.Correction).Sum(p => p.Count),
        });
    }
}
