namespace Tongxin.Features.Members;

/// <summary>One proposed field as both sides read it: its label, the value before and the value asked for (masked if sensitive).</summary>
public sealed record ChangeView(string Label, string? Before, string? After);

public sealed record MetricsView(long AccountId, string Platform, string Handle, long FollowersBefore, long Followers, long? Likes,
    long? Works, string Date);

public sealed record CorrectionItem(long Id, long FigureId, string FigureName, string RegionName, string Kind, string State,
    Dictionary<string, ChangeView> Changes, IReadOnlyList<MetricsView> Accounts, string? Reason, DateTime SubmittedAt,
    string? SubmittedBy, DateTime? DecidedAt, string? DecidedBy, string? RejectReason, int Version, int FigureVersion)
{
    public static CorrectionItem From(Correction c, string figureName, string regionName) => new(
        c.Id, c.FigureId, figureName, regionName, CorrectionStates.KindToApi(c.Kind), CorrectionStates.ToApi(c.State),
        c.Changes.ToDictionary(x => x.Field, x => new ChangeView(MemberFields.Label(x.Field), x.Before, x.After)),
        c.Accounts.Select(a => new MetricsView(a.AccountId, a.Platform, a.Handle, a.FollowersBefore, a.Followers, a.Likes, a.Works,
            a.Date.ToString("yyyy-MM-dd"))).ToList(),
        c.Reason, c.SubmittedAt, c.SubmittedBy, c.DecidedAt, c.DecidedBy, c.RejectReason, c.Version, c.FigureVersion);
}
