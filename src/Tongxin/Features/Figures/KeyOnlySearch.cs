using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list for a search term with no filter beyond status, region and category, in name or region order: the page
/// and the count come from the search-key index alone (its rows carry the figure's status, sort key and category), and
/// Figures is read only for the rows of the page. A common surname has thousands of matches in a city; reading
/// a Figures row for each of them before sorting and counting was what made such a search slow.
/// </summary>
public static class KeyOnlySearch
{
    /// <summary>One matching figure as its key rows describe it.</summary>
    public sealed class Hit
    {
        public long FigureId { get; init; }
        public string SortKey { get; init; } = "";
        public string RegionCode { get; init; } = "";
    }

    /// <summary>Only the term, status, region and category narrow, and the order is one the key rows know.</summary>
    public static bool Applies(TongxinDb db, FigureFilterShape.Resolved filter, string sort) =>
        filter.KeysAlone && sort is "name" or "region" || AppliesWithFigureLookups(db, filter, sort);

    /// <summary>
    /// A term with a key level or follower tier in a province, in name order: each key's rows read in name order, each
    /// row's figure looked up for the filter (<see cref="FigureFilterShape.Resolved.HasFigureFilters"/>), until the page.
    /// </summary>
    public static bool AppliesWithFigureLookups(TongxinDb db, FigureFilterShape.Resolved filter, string sort) =>
        filter.KeysWithFigureLookups && IsWide(db, filter, sort);

    /// <summary>
    /// A province's scope (a two-digit prefix) or none, with no region asked for, in name order: a common word there
    /// has tens of thousands of matches across the province's cities, which the key index holds in region order, so
    /// each key's rows are read in name order instead (<see cref="WidePage"/>). A city's or district's matches are few
    /// enough to sort (王 in a city of 150,000 figures: 10,000 rows, 6 ms).
    /// </summary>
    public static bool IsWide(TongxinDb db, FigureFilterShape.Resolved filter, string sort) =>
        sort == "name" && filter.Region is null && filter.Plan!.ExactKeys.Count <= 3 && IsProvinceWide(db)
        && filter.Plan.ExactKeys.All(k => string.CompareOrdinal(k, NameOrderBelow) < 0);

    /// <summary>
    /// Whether the term (with <paramref name="prefixOnly"/>, its pinyin prefix alone) has at least <paramref name="commonRows"/>
    /// key rows in the scope, read from the key index alone and cut there: a common one (x, wang, liu, 王) is first walked
    /// in the list's order where the walk pays (ListFigures.WalkPaysAsync).
    /// </summary>
    public static async Task<bool> IsCommonAsync(TongxinDb db, FigureFilterShape.Resolved filter, bool prefixOnly, int commonRows = CommonRows)
    {
        if (filter.Plan is not { } plan || prefixOnly && plan.Prefix is null) return false;
        var rows = FigureFilterShape.MatchingKeys(db, keys => keys, prefixOnly ? plan with { ExactKeys = [] } : plan, city: null);
        return await rows.Select(k => k.FigureId).Take(commonRows).CountAsync() >= commonRows;
    }

    public const int CommonRows = 20_000;

    /// <summary>A province's scope (a two-digit prefix) or none.</summary>
    public static bool IsProvinceWide(TongxinDb db) => db.ScopeUnrestricted || db.ScopeLow.Length <= 2;

    /// <summary>One page: ordered and cut on the key index, then the page's figures joined (a figure matching several keys counts once).</summary>
    public static IQueryable<ListFigures.Row> Page(TongxinDb db, FigureFilterShape.Resolved filter, string sort, int skip, int take)
    {
        var byRegion = sort == "region";
        var distinct = (IsWide(db, filter, sort) ? WidePage(db, filter, skip + take) : Hits(db, filter)).Distinct();
        var ordered = byRegion
            ? distinct.OrderBy(h => h.RegionCode).ThenBy(h => h.SortKey).ThenBy(h => h.FigureId)
            : distinct.OrderBy(h => h.SortKey).ThenBy(h => h.FigureId);
        var joined = ordered.Skip(skip).Take(take)
            .Join(db.Figures.AsNoTracking(), h => h.FigureId, f => f.Id, (h, f) => new { h, f });
        var reordered = byRegion
            ? joined.OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId)
            : joined.OrderBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId);
        return reordered.Select(x => x.f).Select(ListFigures.ToRow);
    }

    /// <summary>The figures to count, capped, read from the key index alone.</summary>
    /// <remarks>
    /// One exact key (a tag or platform alone, a handle word) is no figure twice, so it is counted without the distinct,
    /// which PostgreSQL hashed whole before it stopped at the cap (a province's tag: 200,000 rows, 171 ms).
    /// </remarks>
    public static IQueryable<long> Count(TongxinDb db, FigureFilterShape.Resolved filter, string sort)
    {
        if (IsWide(db, filter, sort)) return WideCount(db, filter);
        var figures = Hits(db, filter).Select(h => h.FigureId);
        return (filter.Plan is { ExactKeys.Count: 1, Prefix: null } ? figures : figures.Distinct()).Take(ListFigures.TotalCap + 1);
    }

    /// <summary>The matching figures, once per matching key.</summary>
    private static IQueryable<Hit> Hits(TongxinDb db, FigureFilterShape.Resolved filter)
    {
        IQueryable<FigureSearchKey> Narrow(IQueryable<FigureSearchKey> keys)
        {
            if (filter.Region is { } region)
            {
                var (low, high) = (region.Low, region.High);
                keys = keys.Where(k => string.Compare(k.RegionCode, low) >= 0 && string.Compare(k.RegionCode, high) < 0);
            }
            if (filter.Status is { } status) keys = keys.Where(k => k.Status == status);
            // The last column of the key index: tested on its entries, no figure read (王 + a category at 150,000 figures
            // in a city on PostgreSQL: 54 ms through Figures, one row per match).
            if (filter.Category is { } category) keys = keys.Where(k => k.Category == category);
            return filter.HasFigureFilters(db, filter.HasFilterKeys(db, keys));
        }
        return FigureFilterShape.MatchingKeys(db, Narrow, filter.Plan!, filter.CityCode(db))
            .Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode });
    }

    /// <summary>Region codes are province (2 digits), city (2), district (2), then township: a city is the first four.</summary>
    public const int CityCodeLength = 4;

    /// <summary>
    /// The pinyin key rows of one city, read through the partial index <c>IX_FigureSearchKeys_CityPinyin</c>
    /// (<c>substr("RegionCode", 1, 4), "Key", …</c>, pinyin keys only), which is created by SQL in the migrations since
    /// neither provider's EF model has indexes on expressions. A pinyin prefix is a range of keys: in the primary key
    /// (Key, RegionCode, …) the range holds every city's rows and the region narrows only after all were read (a city's
    /// <c>x</c> at 1,000,000 figures: 385,000 rows read for its 20,000, ~100 ms); here it is one range within the city.
    /// The conditions are written as the index's own (its expression, its partial filter), so both databases match it.
    /// </summary>
    public static IQueryable<FigureSearchKey> CityPinyinKeys(TongxinDb db, string city) => db.FigureSearchKeys.FromSqlRaw(
        """SELECT "Key", "RegionCode", "Status", "SortKey", "FigureId", "Category" FROM "FigureSearchKeys" WHERE substr("RegionCode", 1, 4) = {0} AND substr("Key", 1, 2) = 'p:'""",
        city).AsNoTracking();

    /// <summary>
    /// The matching figures up to the end of the page for a wide scope: each exact key's rows in name order, cut at the
    /// page's end, and the pinyin range's. A figure on the page is within the first <paramref name="end"/> of every key it
    /// matches, so the page of their union is the page of all matches, and each key reads no more than that
    /// (王 at 1,000,000 figures: three reads of 20 rows for page 1, where the region-ordered index gave 80,000 to sort).
    /// </summary>
    /// <remarks>
    /// Each arm is distinct per figure before it is cut: a figure has several keys in a pinyin range (wangli, wangliang),
    /// and cutting key rows gave fewer figures than the page holds, so a full result showed a short first page and that
    /// page's length as its total (wang at province scope: 14 where one city alone has 81).
    /// </remarks>
    private static IQueryable<Hit> WidePage(TongxinDb db, FigureFilterShape.Resolved filter, int end) =>
        Union(WideArms(db, filter).Select(arm => PerFigure(
            arm.Rows.Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode }), arm.OneRowPerFigure)
                .OrderBy(h => h.SortKey).ThenBy(h => h.FigureId).Take(end)));

    /// <summary>
    /// The capped count for a wide scope, each key's figures (distinct: a pinyin range holds several keys of one
    /// figure) cut at the cap before the union: if any key has more matches than the cap, so has the union, and
    /// otherwise nothing was cut. PostgreSQL counted the distinct figures of all of a key's matches before it stopped
    /// at the cap (`luzhou` at province scope: 195,000 rows, 80 ms and more).
    /// </summary>
    private static IQueryable<long> WideCount(TongxinDb db, FigureFilterShape.Resolved filter) =>
        Union(WideArms(db, filter).Select(arm => PerFigure(arm.Rows.Select(k => k.FigureId), arm.OneRowPerFigure).Take(ListFigures.TotalCap + 1)))
            .Distinct().Take(ListFigures.TotalCap + 1);

    /// <summary>Distinct only where an arm may hold a figure twice: an exact key's arm keeps the name-order index's walk.</summary>
    private static IQueryable<T> PerFigure<T>(IQueryable<T> rows, bool oneRowPerFigure) => oneRowPerFigure ? rows : rows.Distinct();

    /// <summary>
    /// The key rows of each exact key and of the pinyin range, within the status and category asked for.
    /// A figure has each key once, so an exact key's arm has one row per figure; a range may hold several of its keys.
    /// </summary>
    private static IEnumerable<(IQueryable<FigureSearchKey> Rows, bool OneRowPerFigure)> WideArms(TongxinDb db, FigureFilterShape.Resolved filter)
    {
        var keys = WideKeys(db, filter);
        if (filter.Status is { } status) keys = keys.Where(k => k.Status == status);
        if (filter.Category is { } category) keys = keys.Where(k => k.Category == category);
        keys = filter.HasFigureFilters(db, filter.HasFilterKeys(db, keys));
        var plan = filter.Plan!;
        if (FigureSearch.ThreeKeys(plan.ExactKeys) is var (k0, k1, k2))
        {
            // The name-order index's own condition, written out (a literal) so that both databases may use it.
            var exact = keys.Where(k => string.Compare(k.Key, NameOrderBelow) < 0);
            yield return (exact.Where(k => k.Key == k0), true);
            yield return (exact.Where(k => k.Key == k1), true);
            yield return (exact.Where(k => k.Key == k2), true);
        }
        if (plan.Prefix is var (low, high))
            yield return (keys.Where(k => string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0), false);
        if (plan is { ExactKeys.Count: 0, Prefix: null }) yield return (keys.Where(k => false), true);
    }

    /// <summary>
    /// The key rows as a wide search reads them. The one raw query of the list, and why: the region scope's query
    /// filter tests the row's region code as a range, and SQLite, which has no statistics of how many rows one key has,
    /// always took that range on the primary key (Key, RegionCode, …) and then read and sorted every match of a common
    /// word in the province (王: 80,000 rows, 71 ms at 1,000,000 figures), where the name-order index
    /// (IX_FigureSearchKeys_NameOrder: Key, Status, SortKey, …) reads one page. Selected as <c>"RegionCode" || ''</c>,
    /// the scope filter EF adds on top still gives the same rows but is no range an index can take (SQLite flattens the
    /// subquery, PostgreSQL pulls it up). Everything else about the rows is the table's.
    /// With figures to look up (<see cref="AppliesWithFigureLookups"/>) PostgreSQL reads the table as it is: the expression
    /// hid the key's row estimate, and 王 with a follower tier was taken for 128 rows and read whole and sorted (240 ms),
    /// where its name-order index meets the page's figures in a few hundred rows. Without them the tiny estimate is what
    /// keeps a tag's or platform's seek per row (王 + a platform read plainly: 75 → 185 ms p99, a hash of the platform's rows).
    /// </summary>
    private static IQueryable<FigureSearchKey> WideKeys(TongxinDb db, FigureFilterShape.Resolved filter) =>
        db is SqliteTongxinDb || !filter.KeysWithFigureLookups
        ? db.FigureSearchKeys.FromSqlRaw(
            """SELECT "Key", "RegionCode" || '' AS "RegionCode", "Status", "SortKey", "FigureId", "Category" FROM "FigureSearchKeys" """).AsNoTracking()
        : db.FigureSearchKeys.AsNoTracking();

    /// <summary>The exact keys' prefixes (h:, n:, o:) sort below it, the pinyin (p:) and tag (t:) keys above: the name-order index holds the former.</summary>
    public const string NameOrderBelow = "p";

    private static IQueryable<T> Union<T>(IEnumerable<IQueryable<T>> arms) => arms.Aggregate((a, b) => a.Concat(b));
}
