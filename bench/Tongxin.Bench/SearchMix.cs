using Tongxin.Features.Figures;

namespace Tongxin.Bench;

/// <summary>One search the harness measures: its label, the list's filter, and whether page 50 is measured too.</summary>
public sealed record SearchCase(string Label, FigureFilter Filter, bool Deep = false);

/// <summary>
/// The search mix: every order the list offers × every query kind without filters, every filter × three representative
/// query kinds, the shapes a held-out probe found slow or wrong (the house issue), and the classic mix of earlier
/// results files (measured at page 50 too). Run for the city user and for the province user (the widest scope).
/// </summary>
public static class SearchMix
{
    /// <summary>The kinds of query people type: Chinese 1–3 characters, one latin letter, initials, full pinyin, a handle word, none.</summary>
    public static readonly (string Label, string? Q)[] QueryKinds =
    [
        ("王 (1 char)", "王"), ("王伟 (2 chars)", "王伟"), ("王梓涵 (3 chars)", "王梓涵"), ("x (1 letter)", "x"), ("wzh (initials)", "wzh"),
        ("wangwei (full pinyin)", "wangwei"), ("luzhou (handle word)", "luzhou"), ("no query", null),
    ];

    /// <summary>Every order of the list (<see cref="FigureFilter.WantedSort"/>); "name" is the default.</summary>
    public static readonly string[] Orders = ["name", "-followers", "-enrolledOn", "region"];

    /// <summary>The query kinds every filter is combined with.</summary>
    private static readonly string[] FilterKinds = ["王 (1 char)", "wzh (initials)", "no query"];

    /// <summary>Every filter of the list (<see cref="FigureFilter"/>); <paramref name="subRegion"/> is a region inside the user's scope.</summary>
    public static (string Label, Func<FigureFilter, FigureFilter> Apply)[] Filters(string subRegion) =>
    [
        ("category anchor", f => f with { Category = "anchor" }),
        ("key level city", f => f with { KeyLevel = "city" }),
        ("key level district", f => f with { KeyLevel = "district" }),
        ("key figures (any level)", f => f with { KeyLevel = "any" }),
        ("platform douyin", f => f with { Platform = "douyin" }),
        ("followers ≥10k", f => f with { FollowerTier = "10k" }),
        ("followers ≥100k", f => f with { FollowerTier = "100k" }),
        ("followers ≥1m", f => f with { FollowerTier = "1m" }),
        ("followers ≥10m", f => f with { FollowerTier = "10m" }),
        ("tag 乡村振兴", f => f with { Tag = "乡村振兴" }),
        ("status all", f => f with { Status = "all" }),
        ("status left", f => f with { Status = "left" }),
        ($"region {subRegion}", f => f with { RegionCode = subRegion }),
    ];

    /// <summary>The earlier mix, kept under its labels so results files stay comparable; measured at page 1 and page 50.</summary>
    public static readonly (string Label, FigureFilter Filter)[] Classic =
    [
        ("1 char common surname 王", new() { Q = "王" }),
        ("2 chars 王伟", new() { Q = "王伟" }),
        ("3 chars 王梓涵", new() { Q = "王梓涵" }),
        ("rare name 诸葛", new() { Q = "诸葛" }),
        ("pinyin initials wzh", new() { Q = "wzh" }),
        ("full pinyin wangwei", new() { Q = "wangwei" }),
        ("handle word luzhou", new() { Q = "luzhou" }),
        ("王 + category", new() { Q = "王", Category = "anchor" }),
        ("wzh + follower tier 100k", new() { Q = "wzh", FollowerTier = "100k" }),
        ("王伟 + platform douyin", new() { Q = "王伟", Platform = "douyin" }),
        ("no query, key figures", new() { KeyLevel = "any" }),
    ];

    /// <summary>The shapes the house issue names (slow or with wrong totals in a held-out probe).</summary>
    private static readonly (string Label, FigureFilter Filter)[] Probed =
    [
        ("followers ≥1m, sort -followers", new() { FollowerTier = "1m", Sort = "-followers" }),
        ("李 (1 char), sort -followers", new() { Q = "李", Sort = "-followers" }),
        ("liu (full pinyin)", new() { Q = "liu" }),
        ("wang (full pinyin)", new() { Q = "wang" }),
        ("key figures, sort -enrolledOn", new() { KeyLevel = "any", Sort = "-enrolledOn" }),
        ("wzh + followers ≥100k, sort -followers", new() { Q = "wzh", FollowerTier = "100k", Sort = "-followers" }),
    ];

    /// <summary>The whole mix for a user whose scope contains <paramref name="subRegion"/>.</summary>
    public static List<SearchCase> For(string subRegion)
    {
        var cases = Classic.Select(c => new SearchCase(c.Label, c.Filter, Deep: true)).ToList();
        foreach (var order in Orders)
            foreach (var (label, q) in QueryKinds)
                cases.Add(new($"{label}, sort {order}", new FigureFilter { Q = q, Sort = order == "name" ? null : order }));
        var kinds = QueryKinds.Where(k => FilterKinds.Contains(k.Label)).ToArray();
        foreach (var (filterLabel, apply) in Filters(subRegion))
            foreach (var (label, q) in kinds)
                cases.Add(new($"{label} + {filterLabel}", apply(new FigureFilter { Q = q })));
        cases.AddRange(Probed.Select(p => new SearchCase(p.Label, p.Filter)));
        return cases;
    }
}
