using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Figures;

public static class ListFigures
{
    /// <summary>Totals above this are reported as capped: counting a million rows exactly is not worth a slow page.</summary>
    public const int TotalCap = 10_000;

    /// <summary>
    /// Above this many matches (of the capped count) the first pages of a filter-path list walk the figures in the order
    /// asked for and keep those that match (<see cref="Walk"/>); at or below it the matches are found first and sorted.
    /// </summary>
    public const int WalkAbove = 2_000;

    public static async Task<Ok<FigurePage>> Handle([AsParameters] FigureFilter filter, TongxinDb db, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var queries = await QueriesAsync(filter, db, page, pageSize);
        var rows = await queries.PageAsync();
        var items = await Decorate(db, rows.Select(r => new FigureListItem(r.Id, r.Name, r.Gender, r.BirthDate, r.RegionCode, "",
            r.Category, r.KeyLevel, r.Workplace, r.JobTitle, r.PhoneMasked, r.MaxFollowers, [], r.Tags,
            FigureStatusNames.ToApi(r.Status), r.EnrolledOn)).ToList());
        return TypedResults.Ok(new FigurePage(items, Math.Min(queries.Counted, TotalCap), queries.Counted > TotalCap));
    }

    public sealed record Row(long Id, string Name, string? Gender, string? BirthDate, string RegionCode, string? Category,
        string? KeyLevel, string? Workplace, string? JobTitle, string? PhoneMasked, long MaxFollowers, List<string> Tags,
        FigureStatus Status, DateOnly EnrolledOn);

    public static readonly Expression<Func<Figure, Row>> ToRow = f => new Row(f.Id, f.Name, f.Gender, f.BirthDate, f.RegionCode,
        f.Category, f.KeyLevel, f.Workplace, f.JobTitle, f.PhoneMasked, f.MaxFollowers, f.Tags, f.Status, f.EnrolledOn);

    /// <summary>
    /// The list's two queries: the figures to count for the total (capped, <see cref="Counted"/> already run: its size
    /// chooses the page's plan), and one page.
    /// </summary>
    public sealed record Queries(IQueryable<Row> Page, IQueryable<long> Count, int Counted)
    {
        public Task<List<Row>> PageAsync() => Page.ToListAsync();
    }

    /// <summary>
    /// Counts first, from the search-key index alone when only a term, status, region and category narrow
    /// (<see cref="KeyOnlySearch"/>), else from Figures. Then the page: few matches are found first and sorted (from the
    /// key index alone where it can, else through Figures); many are met by walking the figures in the order asked for.
    /// </summary>
    /// <param name="walkAbove">The match count above which the page is walked (<see cref="WalkAbove"/>; below zero: always, as tests take both plans).</param>
    public static async Task<Queries> QueriesAsync(FigureFilter filter, TongxinDb db, int page, int pageSize, int walkAbove = WalkAbove)
    {
        var resolved = await FigureFilterShape.ResolveAsync(filter, db);
        var sort = FigureFilter.WantedSort(filter.Sort);
        var (skip, take) = ((page - 1) * pageSize, pageSize);
        var figures = db.Figures.AsNoTracking();
        // A province's (or an unrestricted) scope holds every figure: there the count takes the index its filters
        // choose, not the region index that SQLite takes for any range (a follower tier at province scope: 2.4 s
        // reading every figure for its follower count, against 2 ms on the followers index).
        var wide = resolved.Region is null && (db.ScopeUnrestricted || db.ScopeLow.Length <= 2);
        var count = resolved.KeysAlone
            ? KeyOnlySearch.Count(db, resolved)
            : resolved.Apply(db, wide ? ByPattern(db) : figures).Select(f => f.Id).Take(TotalCap + 1);
        var counted = await count.CountAsync();
        var fromKeys = resolved.KeysAlone && sort is "name" or "region";
        var pageQuery = Walks(counted, skip + take, fromKeys, walkAbove) ? Walk(db, resolved, sort, skip, take)
            : fromKeys ? KeyOnlySearch.Page(db, resolved, sort == "region", skip, take)
            : PageOf(resolved.Apply(db, figures), figures, sort, skip, take);
        return new Queries(pageQuery, count, counted);
    }

    /// <summary>
    /// Whether a page walks the order (<see cref="Walk"/>) rather than sorting the matches. A walk reads about the page's
    /// end divided by the share of figures that match, so it pays for many matches and early pages: past the cap always
    /// (the matches may be a province's), above <paramref name="walkAbove"/> for the first hundred rows. The key index
    /// sorts a term's matches cheaply (index entries, no figure read), so there only past the cap.
    /// </summary>
    private static bool Walks(int counted, int pageEnd, bool fromKeys, int walkAbove) =>
        walkAbove < 0 || counted > TotalCap || !fromKeys && counted > walkAbove && pageEnd <= 100;

    /// <summary>
    /// One page of the filtered figures in the requested order. The page's ids are chosen first and only those rows
    /// are read whole: where an index covers the filter and the order, the sort runs over index entries, not over
    /// every matching row.
    /// </summary>
    private static IQueryable<Row> PageOf(IQueryable<Figure> filtered, IQueryable<Figure> figures, string sort, int skip, int take)
    {
        var ids = FigureFilter.Order(filtered, sort).Skip(skip).Take(take).Select(f => f.Id);
        return FigureFilter.Order(figures.Where(f => ids.Contains(f.Id)), sort).Select(ToRow);
    }

    /// <summary>
    /// A page of many matches: the figures walked in the order asked for, through an index that has that order and
    /// the status, region, key level and category in its entries (<c>IX_Figures_ByName</c>, <c>_ByFollowers</c>,
    /// <c>_ByEnrolment</c>), each figure in scope checked against the term by its own keys (<c>IX_FigureSearchKeys_FigureId_Key</c>).
    /// With one in a hundred figures matching, page 1 reads about two thousand index entries, where sorting the matches
    /// read and sorted every one of them (a province's figures by followers: 4.3 s at 1,000,000 figures).
    /// </summary>
    /// <remarks>
    /// SQLite keeps no statistics of how many rows a range holds. Given the scope's range on the region code it always
    /// took a region index and sorted everything in the range, a whole province included. Here the scope (and a region
    /// asked for) is tested as the code's prefix (<c>LIKE '51%'</c>): the same rows, as the codes are fixed-width digit
    /// strings, but no range an index could take. This is the one list query that states the scope itself
    /// (<see cref="TongxinDb.ScopePattern"/>); PostgreSQL, which has the statistics, plans it as it would the range.
    /// Region order stays a range: there the region index is the order.
    /// </remarks>
    /// <summary>The figures in scope, the scope tested as the region code's prefix (see <see cref="Walk"/>).</summary>
    private static IQueryable<Figure> ByPattern(TongxinDb db)
    {
        var pattern = db.ScopePattern;
        return db.Figures.AsNoTracking().IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).Where(f => EF.Functions.Like(f.RegionCode, pattern));
    }

    private static IQueryable<Row> Walk(TongxinDb db, FigureFilterShape.Resolved filter, string sort, int skip, int take)
    {
        var figures = db.Figures.AsNoTracking();
        IQueryable<Figure> walked;
        if (sort == "region") walked = filter.Narrow(figures);
        else walked = filter.Narrow(ByPattern(db), regionAsPrefix: true);
        if (filter.Plan is { } plan) walked = filter.HavingKeys(db, walked, plan);
        walked = filter.Contains(db, walked, filter.Plan);
        var ids = FigureFilter.Order(walked, sort).Skip(skip).Take(take).Select(f => f.Id);
        return FigureFilter.Order(figures.Where(f => ids.Contains(f.Id)), sort).Select(ToRow);
    }

    /// <summary>
    /// Adds region names and platforms with two small look-ups for the page. The lists go as one parameter each
    /// (EF.Parameter: json_each on SQLite, = ANY on PostgreSQL as before): expanded into a parameter per value,
    /// SQLite's SQL changed with the page's length and was generated again for every page.
    /// </summary>
    public static async Task<List<FigureListItem>> Decorate(TongxinDb db, List<FigureListItem> items)
    {
        var ids = items.Select(i => i.Id).ToList();
        var codes = items.Select(i => i.RegionCode).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => EF.Parameter(codes).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName);
        var platforms = (await db.PlatformAccounts.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.FigureId))
            .Select(a => new { a.FigureId, a.Platform }).ToListAsync()).ToLookup(a => a.FigureId, a => a.Platform);
        return items.Select(i => i with
        {
            RegionName = regions.GetValueOrDefault(i.RegionCode, i.RegionCode),
            Platforms = platforms[i.Id].Distinct().ToList(),
        }).ToList();
    }
}
