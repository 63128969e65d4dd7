namespace Tongxin.Features.Figures;

/// <summary>
/// The shared search-key table: name characters and character pairs (n:), pinyin spellings (p:,
/// matched by prefix), handle suffixes (h:), organization name grams (o:) and tags (t:).
/// Short Chinese queries cannot use a trigram index, so they are exact look-ups here; the sort key and
/// region are copied in so that the first page is read in index order within the scope range.
/// </summary>
public class FigureSearchKey
{
    public required string Key { get; set; }
    public long FigureId { get; set; }
    public required string SortKey { get; set; }
    public required string RegionCode { get; set; }
}
