using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Figures;

public static class ListFigures
{
    /// <summary>Totals above this are reported as capped: counting a million rows exactly is not worth a slow page.</summary>
    public const int TotalCap = 10_000;

    public static async Task<Ok<FigurePage>> Handle([AsParameters] FigureFilter filter, TongxinDb db, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        await using var plans = await PlansForValues.BeginAsync(db);
        var queries = await QueriesAsync(filter, db, page, pageSize);
        var rows = await queries.PageAsync();
        var counted = KnownTotal(page, pageSize, rows.Count) ?? await queries.CountAsync();
        var items = await Decorate(db, rows.Select(r => new FigureListItem(r.Id, r.Name, r.Gender, r.BirthDate, r.RegionCode, "",
            r.Category, r.KeyLevel, r.Workplace, r.JobTitle, r.PhoneMasked, r.MaxFollowers, [], r.Tags,
            FigureStatusNames.ToApi(r.Status), r.EnrolledOn)).ToList());
        return TypedResults.Ok(new FigurePage(items, Math.Min(counted, TotalCap), counted > TotalCap));
    }

    public sealed record Row(long Id, string Name, string? Gender, string? BirthDate, string RegionCode, string? Category,
        string? KeyLevel, string? Workplace, string? JobTitle, string? PhoneMasked, long MaxFollowers, List<string> Tags,
        FigureStatus Status, DateOnly EnrolledOn);

    public static readonly Expression<Func<Figure, Row>> ToRow = f => new Row(f.Id, f.Name, f.Gender, f.BirthDate, f.RegionCode,
        f.Category, f.KeyLevel, f.Workplace, f.JobTitle, f.PhoneMasked, f.MaxFollowers, f.Tags, f.Status, f.EnrolledOn);

    /// <summary>
    /// The list's two queries: one page, and the figures to count for the total (capped). <see cref="Page"/> and
    /// <see cref="Count"/> are the queries (to look at their SQL), <see cref="PageAsync"/> and <see cref="CountAsync"/>
    /// run them as the endpoint does.
    /// </summary>
    /// <param name="Walk">A page to try first (<see cref="FigureFilterShape.Resolved.BoundedWalkAsync"/>): its answer stands if it
    /// fills the page (<paramref name="Take"/> rows), else <see cref="Page"/> is run.</param>
    public sealed record Queries(IQueryable<Row> Page, IQueryable<long> Count, IQueryable<Row>? Walk = null, int Take = 0)
    {
        public async Task<List<Row>> PageAsync()
        {
            if (Walk is not null && await Walk.ToListAsync() is { } walked && walked.Count == Take) return walked;
            return await Page.ToListAsync();
        }

        public Task<int> CountAsync() => Count.CountAsync();
    }

    /// <summary>From the search-key index alone when the filter allows it (<see cref="KeyOnlySearch"/>), else from Figures.</summary>
    /// <param name="walkWindow">The bounded walk's window (<see cref="FigureFilterShape.Resolved.WalkWindow"/>; tests take a small one).</param>
    /// <param name="commonRows">How many key rows make a term common (<see cref="KeyOnlySearch.IsCommonAsync"/>; tests take a few).</param>
    public static async Task<Queries> QueriesAsync(FigureFilter filter, TongxinDb db, int page, int pageSize,
        int walkWindow = FigureFilterShape.Resolved.WalkWindow, int commonRows = KeyOnlySearch.CommonRows)
    {
        var resolved = await FigureFilterShape.ResolveAsync(filter, db);
        var sort = FigureFilter.WantedSort(filter.Sort);
        var (skip, take) = ((page - 1) * pageSize, pageSize);
        var figures = db.Figures.AsNoTracking();
        var window = FigureFilterShape.Resolved.WindowFor(db, walkWindow);
        var keysAlone = KeyOnlySearch.Applies(db, resolved, sort);
        // A province-wide term the name-order key index cannot page (a pinyin range, a tag), or any term in region
        // order, is first looked for by walking the figures in that order (x at 1,000,000 figures: 385,000 key rows
        // read and sorted for 20). The walk's own condition first: whether it pays may be a query.
        var walk = resolved.TriesBoundedWalk(db, sort, skip + take, window) && await WalkPaysAsync(db, resolved, sort, keysAlone, commonRows)
            ? PageOf(await resolved.BoundedWalkAsync(db, sort, window), figures, sort, skip, take)
            : null;
        // With a figure filter the count is the figures' own: a key's every row looked up was slower than a join (王 + key
        // figures province-wide: 72,000 look-ups).
        if (keysAlone)
            return new(KeyOnlySearch.Page(db, resolved, sort, skip, take), resolved.KeysAlone
                ? KeyOnlySearch.Count(db, resolved, sort) : CountOf(resolved.Apply(db, figures)), walk, take);
        var filtered = resolved.WalksOrder(db) ? resolved.Walking(db) : resolved.Apply(db, figures);
        // A term with no filter the key rows do not carry is counted from the key index alone in any order (in name
        // order for the capped count's sake: KeyOnlySearch cuts each key of a wide scope at the cap), not by reading a
        // Figures row per match (李 province-wide: 10,001 row reads).
        var count = resolved.KeysAlone ? KeyOnlySearch.Count(db, resolved, "name") : CountOf(filtered);
        return new(PageOf(filtered, figures, sort, skip, take), count, walk, take);
    }

    /// <summary>
    /// Whether a walk the filter allows (<see cref="FigureFilterShape.Resolved.TriesBoundedWalk"/>) is worth its query. A list
    /// without a term is walked as allowed. A term is walked only where it is common: a rarer one (wzh, 王伟) does not fill
    /// the walk's page and is read and sorted from its keys quicker (5 against 40 ms at 1,000,000 figures on SQLite), and a
    /// term the wide key search pages in name order is walked only for a common pinyin prefix. On PostgreSQL this decides
    /// what its plans for the values (<see cref="PlansForValues"/>) cannot: a common term's matches are otherwise all read
    /// (x by followers: 1.1 s, walked 180 ms).
    /// </summary>
    private static async Task<bool> WalkPaysAsync(TongxinDb db, FigureFilterShape.Resolved resolved, string sort, bool keysAlone, int commonRows)
    {
        if (resolved.Plan is null || resolved.IsFilterKeyOnly) return true;
        var wide = keysAlone && KeyOnlySearch.IsWide(db, resolved, sort);
        return (!wide || resolved.Plan.Prefix is not null) && await KeyOnlySearch.IsCommonAsync(db, resolved, prefixOnly: wide, commonRows);
    }

    /// <summary>
    /// One page of the filtered figures in the requested order. The page's ids are chosen first and only those rows
    /// are read whole: where an index covers the filter and the order, the sort runs over index entries, not over
    /// every matching row (a city's key figures on PostgreSQL at 1M figures: ~4,500 row reads for page 50 became 20).
    /// </summary>
    private static IQueryable<Row> PageOf(IQueryable<Figure> filtered, IQueryable<Figure> figures, string sort, int skip, int take)
    {
        var ids = FigureFilter.Order(filtered, sort).Skip(skip).Take(take).Select(f => f.Id);
        return FigureFilter.Order(figures.Where(f => ids.Contains(f.Id)), sort).Select(ToRow);
    }

    /// <summary>The figures to count for the total, capped.</summary>
    private static IQueryable<long> CountOf(IQueryable<Figure> query) => query.Select(f => f.Id).Take(TotalCap + 1);

    /// <summary>
    /// A first page that is not full is the whole result: its length is the total and the count query is
    /// not needed (rare names, narrow filters).
    /// </summary>
    public static int? KnownTotal(int page, int pageSize, int rowsOnPage) =>
        page == 1 && rowsOnPage < pageSize ? rowsOnPage : null;

    /// <summary>
    /// Adds region names and platforms with two small look-ups for the page. The lists go as one parameter each
    /// (EF.Parameter: json_each on SQLite, = ANY on PostgreSQL as before): expanded into a parameter per value,
    /// SQLite's SQL changed with the page's length and was generated again for every page.
    /// </summary>
    public static async Task<List<FigureListItem>> Decorate(TongxinDb db, List<FigureListItem> items)
    {
        var ids = items.Select(i => i.Id).ToList();
        var regions = await RegionNames.FullNamesAsync(db, items.Select(i => i.RegionCode));
        var platforms = (await db.PlatformAccounts.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.FigureId))
            .Select(a => new { a.FigureId, a.Platform }).ToListAsync()).ToLookup(a => a.FigureId, a => a.Platform);
        return items.Select(i => i with
        {
            RegionName = regions.GetValueOrDefault(i.RegionCode, i.RegionCode),
            Platforms = platforms[i.Id].Distinct().ToList(),
        }).ToList();
    }
}
