using System.Xml;
using Tongxin.Common.Text;

namespace Tongxin.Features.Imports;

/// <summary>The header row found in a sheet: which column letter holds what.</summary>
public sealed record SheetHeader(
    int RowNumber,
    IReadOnlyDictionary<string, FigureColumn> Columns,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyList<string> Letters,
    IReadOnlyList<string> UnknownColumns)
{
    /// <summary>The header text as written in the file for a column, or its canonical header when absent.</summary>
    public string TextOf(FigureColumn column)
    {
        foreach (var (letter, c) in Columns)
            if (c == column) return Texts[letter];
        return FigureColumns.Of(column).Header;
    }

    public bool Has(FigureColumn column) => Columns.Values.Contains(column);
}

/// <summary>A data row: its Excel row number (1-based, title rows counted) and its cells keyed A, B, C….</summary>
public sealed record SheetRow(int Number, IDictionary<string, object?> Cells);

/// <summary>
/// Streams the first sheet of an .xlsx: finds the header row under any title rows, recognizes header
/// variants, and yields data rows, skipping blank rows and a footnote row ("注：…").
/// </summary>
public sealed class FigureSheetReader
{
    private readonly string _path;

    private FigureSheetReader(string path, SheetHeader header)
    {
        _path = path;
        Header = header;
    }

    public SheetHeader Header { get; }

    /// <summary>Checks the file by content and reads its header row; throws <see cref="ImportFileException"/>.</summary>
    public static FigureSheetReader Open(string path)
    {
        UploadCheck.Verify(path);
        foreach (var (number, cells) in Raw(path, reuse: true))
        {
            if (number > ImportLimits.HeaderSearchRows) break;
            var header = TryHeader(number, cells);
            if (header is not null) return new FigureSheetReader(path, header);
        }
        throw new ImportFileException($"未找到表头：请确认前{ImportLimits.HeaderSearchRows}行中有一行包含“姓名”等列名");
    }

    /// <summary>Data rows after the header; blank and footnote rows are skipped but still counted in row numbers.</summary>
    public IEnumerable<SheetRow> Rows()
    {
        foreach (var (number, cells) in Raw(_path, reuse: false))
        {
            if (number <= Header.RowNumber || IsBlank(cells) || IsFootnote(cells)) continue;
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>Counts data rows, stopping early once <paramref name="stopAfter"/> is exceeded.</summary>
    public int CountRows(int stopAfter = int.MaxValue)
    {
        var count = 0;
        foreach (var (number, cells) in Raw(_path, reuse: true))
        {
            if (number <= Header.RowNumber || IsBlank(cells) || IsFootnote(cells)) continue;
            if (++count > stopAfter) break;
        }
        return count;
    }

    /// <summary>A row is a header when it names 姓名 and at least one other known column.</summary>
    internal static SheetHeader? TryHeader(int rowNumber, IDictionary<string, object?> cells)
    {
        var columns = new Dictionary<string, FigureColumn>();
        var texts = new Dictionary<string, string>();
        var letters = new List<string>();
        var unknown = new List<string>();
        foreach (var (letter, value) in cells)
        {
            var text = ChineseText.Normalize(value?.ToString());
            if (text.Length == 0) continue;
            letters.Add(letter);
            texts[letter] = text;
            var column = FigureColumns.Match(text);
            if (column is null) unknown.Add(text);
            else if (columns.ContainsValue(column.Value)) unknown.Add($"{text}（与前面的列重复，已忽略）");
            else columns[letter] = column.Value;
        }
        if (!columns.ContainsValue(FigureColumn.Name) || columns.Count < 2) return null;
        return new SheetHeader(rowNumber, columns, texts, letters, unknown);
    }

    internal static bool IsBlank(IDictionary<string, object?> cells) =>
        cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    /// <summary>A single non-empty cell starting with 注 / 说明 / 备注： is a note under the table, not a person.</summary>
    internal static bool IsFootnote(IDictionary<string, object?> cells)
    {
        string? only = null;
        foreach (var v in cells.Values)
        {
            if (v is null || (v is string s0 && string.IsNullOrWhiteSpace(s0))) continue;
            if (only is not null || v is not string s) return false;
            only = ChineseText.Normalize(s);
        }
        if (only is null) return false;
        if (only.StartsWith("说明") || only.StartsWith("备注:") || only.StartsWith("填表说明")) return true;
        return only.Length > 1 && only[0] == '注' && (only[1] is ':' or '、' or '.' or '意' or '明' or '释' || char.IsAsciiDigit(only[1]));
    }

    /// <summary>
    /// The sheet's rows in one streaming pass, numbered as in Excel. With <paramref name="reuse"/> every row
    /// arrives in the same dictionary (for callers that only look at one row at a time).
    /// </summary>
    private static IEnumerable<(int Number, Dictionary<string, object?> Cells)> Raw(string path, bool reuse)
    {
        XlsxRowStream rows;
        try
        {
            rows = XlsxRowStream.Open(path);
        }
        catch (Exception e) when (e is not ImportFileException and not OutOfMemoryException)
        {
            throw new ImportFileException(UploadCheck.NotXlsxMessage);
        }
        using (rows)
        {
            var cells = new Dictionary<string, object?>();
            while (true)
            {
                if (!reuse) cells = new Dictionary<string, object?>();
                try
                {
                    if (!rows.Next(cells)) yield break;
                }
                catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException)
                {
                    throw new ImportFileException("文件内容无法读取，请用 Excel 打开后另存为 .xlsx 再导入");
                }
                yield return (rows.RowNumber, cells);
            }
        }
    }
}
