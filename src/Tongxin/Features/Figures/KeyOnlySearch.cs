using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;
using Tongxin.Features.Regions;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list for a search term with no filter beyond status and region, in name or region order: the page and
/// the count come from the search-key index alone (its rows carry the figure's status and sort key), and
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

    /// <summary>The matching figures (once per matching key; see <see cref="PageOf"/>), or null when a filter needs the Figures table.</summary>
    public static async Task<IQueryable<Hit>?> HitsAsync(FigureFilter filter, TongxinDb db)
    {
        if (!Applies(filter, out var plan)) return null;
        var keys = db.FigureSearchKeys.AsNoTracking();
        if (await filter.RegionRangeAsync(db) is { } range)
            keys = keys.Where(k => string.Compare(k.RegionCode, range.Low) >= 0 && string.Compare(k.RegionCode, range.High) < 0);
        if (filter.WantedStatus() is { } s) keys = keys.Where(k => k.Status == s);
        return FigureSearch.MatchingKeys(db, keys, plan).Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode });
    }

    /// <summary>Only the term, status and region narrow, and the order is one the key rows know.</summary>
    private static bool Applies(FigureFilter filter, out FigureSearch.Plan plan)
    {
        plan = FigureSearch.For(filter.Q)!;
        return plan is { NameContains: null, HandleContains: null }
            && string.IsNullOrWhiteSpace(filter.Category) && string.IsNullOrWhiteSpace(filter.KeyLevel)
            && string.IsNullOrWhiteSpace(filter.Platform) && string.IsNullOrWhiteSpace(filter.FollowerTier)
            && string.IsNullOrWhiteSpace(filter.Tag) && filter.Sort is null or "" or "name" or "region";
    }

    /// <summary>One page: ordered and cut on the key index, then the page's figures joined (a figure matching several keys counts once).</summary>
    public static IQueryable<ListFigures.Row> PageOf(FigureFilter filter, IQueryable<Hit> hits, TongxinDb db, int page, int pageSize)
    {
        var distinct = hits.Distinct();
        var ordered = filter.Sort == "region"
            ? distinct.OrderBy(h => h.RegionCode).ThenBy(h => h.SortKey).ThenBy(h => h.FigureId)
            : distinct.OrderBy(h => h.SortKey).ThenBy(h => h.FigureId);
        var joined = ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Figures.AsNoTracking(), h => h.FigureId, f => f.Id, (h, f) => new { h, f });
        var reordered = filter.Sort == "region"
            ? joined.OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId)
            : joined.OrderBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId);
        return reordered.Select(x => x.f).Select(ListFigures.ToRow);
    }

    /// <summary>The figures to count, capped, read from the key index alone.</summary>
    public static IQueryable<long> CountOf(IQueryable<Hit> hits) =>
        hits.Select(h => h.FigureId).Distinct().Take(ListFigures.TotalCap + 1);
}
