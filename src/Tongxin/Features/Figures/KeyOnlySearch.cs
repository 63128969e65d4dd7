using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list for a search term with no filter beyond status, region and category: the page (in name or region order)
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

    /// <summary>One page: ordered and cut on the key index, then the page's figures joined (a figure matching several keys counts once).</summary>
    public static IQueryable<ListFigures.Row> Page(TongxinDb db, FigureFilterShape.Resolved filter, bool byRegion, int skip, int take)
    {
        var hits = filter.Keys(db).Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode }).Distinct();
        var ordered = byRegion
            ? hits.OrderBy(h => h.RegionCode).ThenBy(h => h.SortKey).ThenBy(h => h.FigureId)
            : hits.OrderBy(h => h.SortKey).ThenBy(h => h.FigureId);
        var joined = ordered.Skip(skip).Take(take)
            .Join(db.Figures.AsNoTracking(), h => h.FigureId, f => f.Id, (h, f) => new { h, f });
        var reordered = byRegion
            ? joined.OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId)
            : joined.OrderBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId);
        return reordered.Select(x => x.f).Select(ListFigures.ToRow);
    }

    /// <summary>
    /// The matching figures to count, capped, read from the key index alone. Each exact key's rows are cut at the cap
    /// before the union (a figure has a key once, so the cut rows are that many figures): if one key has more matches
    /// than the cap, so has the union, and otherwise nothing was cut. PostgreSQL's DISTINCT counted every match of a
    /// common word before it stopped at the cap. The pinyin range holds several keys of one figure (wangwei, wangw…),
    /// so its rows are cut as distinct figures.
    /// </summary>
    public static IQueryable<long> Count(TongxinDb db, FigureFilterShape.Resolved filter)
    {
        var plan = filter.Plan!;
        const int cap = ListFigures.TotalCap + 1;
        IQueryable<long>? arms = null;
        foreach (var key in plan.ExactKeys.Distinct())
        {
            var arm = filter.Keys(db, new FigureSearch.Plan([key], null, null)).Select(k => k.FigureId).Take(cap);
            arms = arms is null ? arm : arms.Concat(arm);
        }
        if (plan.Prefix is { } prefix)
        {
            var arm = filter.Keys(db, new FigureSearch.Plan([], prefix, null)).Select(k => k.FigureId).Distinct().Take(cap);
            arms = arms is null ? arm : arms.Concat(arm);
        }
        return (arms ?? db.FigureSearchKeys.Where(k => false).Select(k => k.FigureId)).Distinct().Take(cap);
    }
}
