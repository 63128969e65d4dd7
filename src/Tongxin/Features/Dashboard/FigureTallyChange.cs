using Tongxin.Common.Domain;

namespace Tongxin.Features.Dashboard;

/// <summary>
/// A not yet folded change to a <see cref="FigureTally"/> (PostgreSQL only). The triggers append these instead
/// of updating the tally rows, so a long import does not hold the province's tally rows locked until it commits
/// and block every other figure write in the province; <see cref="FigureTallyCompactor"/> folds them in.
/// </summary>
public class FigureTallyChange : IRegionOwned
{
    public long Id { get; set; }
    public required string Dimension { get; set; }
    public required string RegionCode { get; set; }
    public required string Value { get; set; }
    public int Count { get; set; }
}
