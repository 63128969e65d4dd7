namespace Tongxin.Features.Figures;

/// <summary>
/// The shared search-key table: name characters and character pairs (n:), pinyin spellings (p:,
/// matched by prefix), handle words (h:, see <see cref="HandleWords"/>), organization name grams (o:) and tags (t:).
/// Short Chinese queries cannot use a trigram index, so they are exact look-ups here. The key is
/// (Key, RegionCode, Status, SortKey, FigureId, Category): one index range per term and scope that also answers the
/// default list's status filter, name order and count, so a common term (王: thousands of matches) reads the
/// Figures table only for the rows of the page; the category, last, lets a term plus the commonest filter skip
/// the figures outside it inside the index instead of reading each one.
/// </summary>
public class FigureSearchKey
{
    public required string Key { get; set; }
    public long FigureId { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The figure's <see cref="Figure.Status"/>, rewritten with the keys when it changes.</summary>
    public FigureStatus Status { get; set; }
    /// <summary>The figure's <see cref="Figure.SortKey"/>, rewritten with the keys when the name changes.</summary>
    public string SortKey { get; set; } = "";
    /// <summary>The figure's <see cref="Figure.Category"/> ("" for none), rewritten with the keys when it changes.</summary>
    public string Category { get; set; } = "";
}
