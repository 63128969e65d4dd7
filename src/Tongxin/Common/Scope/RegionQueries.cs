using Tongxin.Common.Domain;

namespace Tongxin.Common.Scope;

public static class RegionQueries
{
    /// <summary>Narrows a query to a region subtree with a plain range predicate, which the region index serves.</summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> query, RegionRange range) where T : IRegionOwned =>
        query.Where(x => string.Compare(x.RegionCode, range.Low) >= 0 && string.Compare(x.RegionCode, range.High) < 0);
}
