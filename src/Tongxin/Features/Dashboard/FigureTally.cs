using Tongxin.Common.Domain;

namespace Tongxin.Features.Dashboard;

/// <summary>
/// A pre-aggregated count of active figures of one region: the dashboard sums these rows instead of
/// grouping a million figures. Kept by database triggers on Figures (every write path, bulk loads
/// included), rebuilt from scratch by <see cref="FigureTallies.RebuildAsync"/>.
/// </summary>
public class FigureTally : IRegionOwned
{
    /// <summary>One of <see cref="FigureTallies"/>' dimensions, e.g. "category" or "month:2026".</summary>
    public required string Dimension { get; set; }
    /// <summary>
    /// A region whose whole subtree is counted here (each figure counts under its province, city, district and
    /// township), so a region's dashboard reads its own rows; the scope filter shows a user only the regions
    /// within their range.
    /// </summary>
    public required string RegionCode { get; set; }
    /// <summary>The value within the dimension ("" for none); tiers are "0".."4", months "01".."12".</summary>
    public required string Value { get; set; }
    /// <summary>Figures counted (for "accounts": their platform accounts). Rows that fell to zero may remain.</summary>
    public int Count { get; set; }
}
