namespace Tongxin.Features.Figures;

/// <summary>
/// The rows of <see cref="FigureSearchKey"/> as a province-wide search reads them: in name order, through the partial
/// index of the exact keys (Key, Status, SortKey, FigureId, RegionCode, Category). Its region filter tests the scope's code prefix
/// (<c>LIKE '51%'</c>), not a range: SQLite has no statistics of how many rows a key has, and given the key
/// index's region range it always chose that index, which for a common word at province scope read and sorted
/// every match (王: 80,000 rows, 71 ms) where the name-order index reads one page.
/// </summary>
public class WideSearchKey
{
    public required string Key { get; set; }
    public long FigureId { get; set; }
    public required string RegionCode { get; set; }
    public FigureStatus Status { get; set; }
    public string SortKey { get; set; } = "";
    public string Category { get; set; } = "";
}
