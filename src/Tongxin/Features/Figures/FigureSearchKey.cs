namespace Tongxin.Features.Figures;

/// <summary>
/// The shared search-key table: name characters and character pairs (n:), pinyin spellings (p:,
/// matched by prefix), handle words (h:, see <see cref="HandleWords"/>), organization name grams (o:) and tags (t:).
/// Short Chinese queries cannot use a trigram index, so they are exact look-ups here. The key is
/// (Key, RegionCode, FigureId): one index range per term and scope, read without touching the table.
/// </summary>
public class FigureSearchKey
{
    public required string Key { get; set; }
    public long FigureId { get; set; }
    public required string RegionCode { get; set; }
}
