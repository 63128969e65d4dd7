using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using static Tongxin.Features.Figures.SearchPlaceholders;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list for a search term with no filter beyond status, region and category, in name or region order: the page
/// and the count come from the search-key index alone (its rows carry the figure's status, sort key and category), and
/// Figures is read only for the rows of the page. A common surname has thousands of matches in a city; reading
/// a Figures row for each of them before sorting and counting was what made such a search slow.
/// </summary>
/// <remarks>
/// The shapes are written once (<see cref="Hits"/>, <see cref="PageShape"/>, <see cref="CountShape"/>) with the
/// placeholders of <see cref="SearchPlaceholders"/>, and run compiled (<see cref="CompiledList"/>).
/// </remarks>
public static class KeyOnlySearch
{
    /// <summary>One matching figure as its key rows describe it.</summary>
    public sealed class Hit
    {
        public long FigureId { get; init; }
        public string SortKey { get; init; } = "";
        public string RegionCode { get; init; } = "";
    }

    /// <summary>The parts a search has; each combination is one shape.</summary>
    /// <param name="Wide">A province-wide scope in name order: each key's page read in name order (<see cref="WidePage"/>).</param>
    public readonly record struct Form(bool Region, bool Status, bool Category, ExactKeys Exact, bool Prefix, bool ByRegion, bool Wide = false);

    /// <summary>The search's shape and values, or null when a filter needs the Figures table.</summary>
    public static async Task<(Form Form, SearchValues Values)?> ForAsync(FigureFilter filter, TongxinDb db)
    {
        if (!Applies(filter, out var plan)) return null;
        var values = new SearchValues();
        var (region, status) = await values.SetRegionAndStatusAsync(filter, db);
        var category = values.SetCategory(filter);
        var byRegion = filter.Sort == "region";
        // The wide path reads the exact keys as three scalars (K0–K2); a plan has at most three.
        var wide = !region && !byRegion && plan.ExactKeys.Count <= 3 && IsWide(db);
        var exact = values.SetTerm(db, plan, scalars: wide);
        return (new Form(region, status, category, exact, plan.Prefix is not null, byRegion, wide), values);
    }

    /// <summary>
    /// A province's scope (a two-digit prefix) or none: a common word there has tens of thousands of matches across
    /// the province's cities, which the key index holds in region order. A city's or district's matches are few
    /// enough to sort (王 in a city of 150,000 figures: 10,000 rows, 6 ms).
    /// </summary>
    private static bool IsWide(TongxinDb db) => db.ScopeUnrestricted || db.ScopeLow.Length <= 2;

    /// <summary>Only the term, status, region and category narrow, and the order is one the key rows know.</summary>
    private static bool Applies(FigureFilter filter, out FigureSearch.Plan plan)
    {
        plan = FigureSearch.For(filter.Q)!;
        return plan is { NameContains: null, HandleContains: null }
            && string.IsNullOrWhiteSpace(filter.KeyLevel)
            && string.IsNullOrWhiteSpace(filter.Platform) && string.IsNullOrWhiteSpace(filter.FollowerTier)
            && string.IsNullOrWhiteSpace(filter.Tag) && filter.Sort is null or "" or "name" or "region";
    }

    /// <summary>The matching figures, once per matching key (see <see cref="PageShape"/>).</summary>
    private static IQueryable<Hit> Hits(TongxinDb db, Form form)
    {
        var keys = db.FigureSearchKeys.AsNoTracking();
        if (form.Region) keys = keys.Where(k => string.Compare(k.RegionCode, Low) >= 0 && string.Compare(k.RegionCode, High) < 0);
        if (form.Status) keys = keys.Where(k => k.Status == Status);
        // The last column of the key index: tested on its entries, no figure read (王 + a category at 150,000 figures
        // in a city on PostgreSQL: 54 ms through Figures, one row per match).
        if (form.Category) keys = keys.Where(k => k.Category == Category);
        return MatchingKeys(keys, form.Exact, form.Prefix)
            .Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode });
    }

    /// <summary>
    /// The matching figures up to the end of the page for a wide scope: each exact key's rows in name order, cut at the
    /// page's end, and the pinyin range's. A figure on the page is within the first Skip + Take of every key it
    /// matches, so the page of their union is the page of all matches, and each key reads no more than that
    /// (王 at 1,000,000 figures: three reads of 20 rows for page 1, where the region-ordered index gave 80,000 to sort).
    /// </summary>
    /// <remarks>
    /// Each arm is distinct per figure before it is cut: a figure has several keys in a pinyin range (wangli, wangliang),
    /// and cutting key rows gave fewer figures than the page holds, so a full result showed a short first page and that
    /// page's length as its total (wang at province scope: 14 where one city alone has 81).
    /// </remarks>
    private static IQueryable<Hit> WidePage(TongxinDb db, Form form) =>
        Union(WideArms(db, form).Select(arm => UpToPage(PerFigure(
            arm.Rows.Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode }), arm.OneRowPerFigure)
                .OrderBy(h => h.SortKey).ThenBy(h => h.FigureId))));

    /// <summary>Distinct only where an arm may hold a figure twice: an exact key's arm keeps the name-order index's walk.</summary>
    private static IQueryable<T> PerFigure<T>(IQueryable<T> rows, bool oneRowPerFigure) => oneRowPerFigure ? rows : rows.Distinct();

    /// <summary>
    /// The capped count for a wide scope, each key's figures (distinct: a pinyin range holds several keys of one
    /// figure) cut at the cap before the union: if any key has more matches than the cap, so has the union, and
    /// otherwise nothing was cut. PostgreSQL counted the distinct figures of all of a key's matches before it stopped
    /// at the cap (`luzhou` at province scope: 195,000 rows, 80 ms and more).
    /// </summary>
    private static IQueryable<long> WideCount(TongxinDb db, Form form) =>
        Union(WideArms(db, form).Select(arm => PerFigure(arm.Rows.Select(k => k.FigureId), arm.OneRowPerFigure).Take(ListFigures.TotalCap + 1)))
            .Distinct().Take(ListFigures.TotalCap + 1);

    /// <summary>
    /// The key rows of each exact key (three, padded) and of the pinyin range, within the status and category asked for.
    /// A figure has each key once, so an exact key's arm has one row per figure; a range may hold several of its keys.
    /// </summary>
    private static IEnumerable<(IQueryable<WideSearchKey> Rows, bool OneRowPerFigure)> WideArms(TongxinDb db, Form form)
    {
        var keys = db.WideSearchKeys.AsNoTracking();
        if (form.Status) keys = keys.Where(k => k.Status == Status);
        if (form.Category) keys = keys.Where(k => k.Category == Category);
        if (form.Exact != ExactKeys.None)
        {
            // The name-order index's own condition, written out (a literal) so that both databases may use it.
            var exact = keys.Where(k => string.Compare(k.Key, NameOrderBelow) < 0);
            yield return (exact.Where(k => k.Key == K0), true);
            yield return (exact.Where(k => k.Key == K1), true);
            yield return (exact.Where(k => k.Key == K2), true);
        }
        if (form.Prefix) yield return (keys.Where(k => string.Compare(k.Key, PrefixLow) >= 0 && string.Compare(k.Key, PrefixHigh) < 0), false);
        if (form is { Exact: ExactKeys.None, Prefix: false }) yield return (keys.Where(k => false), true);
    }

    /// <summary>The exact keys' prefixes (h:, n:, o:) sort below it, the pinyin (p:) and tag (t:) keys above: the name-order index holds the former.</summary>
    public const string NameOrderBelow = "p";

    private static IQueryable<T> Union<T>(IEnumerable<IQueryable<T>> arms) => arms.Aggregate((a, b) => a.Concat(b));

    /// <summary>One page: ordered and cut on the key index, then the page's figures joined (a figure matching several keys counts once).</summary>
    public static IQueryable<ListFigures.Row> PageShape(TongxinDb db, Form form)
    {
        var distinct = (form.Wide ? WidePage(db, form) : Hits(db, form)).Distinct();
        var ordered = form.ByRegion
            ? distinct.OrderBy(h => h.RegionCode).ThenBy(h => h.SortKey).ThenBy(h => h.FigureId)
            : distinct.OrderBy(h => h.SortKey).ThenBy(h => h.FigureId);
        var joined = Paged(ordered)
            .Join(db.Figures.AsNoTracking(), h => h.FigureId, f => f.Id, (h, f) => new { h, f });
        var reordered = form.ByRegion
            ? joined.OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId)
            : joined.OrderBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId);
        return reordered.Select(x => x.f).Select(ListFigures.ToRow);
    }

    /// <summary>The figures to count, capped, read from the key index alone.</summary>
    public static IQueryable<long> CountShape(TongxinDb db, Form form) => form.Wide
        ? WideCount(db, form)
        : Hits(db, form).Select(h => h.FigureId).Distinct().Take(ListFigures.TotalCap + 1);
}
