using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Tongxin.Features.Imports;

/// <summary>
/// Reads the rows of an .xlsx's first sheet in one forward pass over its XML, with the cell values the
/// importer understands: text (shared, inline or formula results), numbers as double, date-styled numbers
/// as DateTime, booleans. Unlike a general spreadsheet library it never measures the sheet first, and it
/// keeps only the date styles and the shared strings met so far in memory.
/// </summary>
public sealed class XlsxRowStream : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly SharedStrings _shared;
    private readonly bool[] _dateStyles;
    private readonly XmlReader _xml;
    private readonly string _row, _c, _v, _t, _is, _r, _rPh;

    private XlsxRowStream(string path)
    {
        _zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
        try
        {
            _shared = new SharedStrings(path);
            _dateStyles = ReadDateStyles(_zip);
            var sheet = FirstSheet(_zip) ?? throw new ImportFileException(UploadCheck.NotXlsxMessage);
            _xml = XmlReader.Create(sheet.Open(), Settings);
        }
        catch
        {
            _shared?.Dispose();
            _zip.Dispose();
            throw;
        }
        var names = _xml.NameTable;
        (_row, _c, _v, _t, _is, _r, _rPh) = (names.Add("row"), names.Add("c"), names.Add("v"), names.Add("t"), names.Add("is"), names.Add("r"), names.Add("rPh"));
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    };

    public static XlsxRowStream Open(string path) => new(path);

    /// <summary>Excel's 1-based number of the row last read by <see cref="Next"/>.</summary>
    public int RowNumber { get; private set; }

    /// <summary>
    /// Reads the next row present in the sheet into <paramref name="cells"/> (cleared first; keys are column
    /// letters, only cells that exist are added). Rows missing from the XML are empty rows and are skipped,
    /// but <see cref="RowNumber"/> counts them.
    /// </summary>
    public bool Next(IDictionary<string, object?> cells)
    {
        cells.Clear();
        while (_xml.Read())
        {
            if (_xml.NodeType != XmlNodeType.Element || !ReferenceEquals(_xml.LocalName, _row)) continue;
            RowNumber = int.TryParse(_xml.GetAttribute(_r), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : RowNumber + 1;
            if (_xml.IsEmptyElement) return true;
            ReadCells(cells);
            return true;
        }
        return false;
    }

    private void ReadCells(IDictionary<string, object?> cells)
    {
        var column = 0;
        var depth = _xml.Depth;
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth) return;
            if (_xml.NodeType != XmlNodeType.Element || !ReferenceEquals(_xml.LocalName, _c)) continue;
            column = _xml.GetAttribute(_r) is { } reference ? ColumnOf(reference) : column + 1;
            var type = _xml.GetAttribute(_t);
            var style = int.TryParse(_xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            if (_xml.IsEmptyElement) continue;
            var (raw, inline) = ReadCellContent();
            var value = Convert(raw, inline, type, style);
            if (value is not null) cells[Letters(column)] = value;
        }
    }

    /// <summary>The &lt;v&gt; text and any inline string of the current &lt;c&gt;, leaving the reader on its end tag.</summary>
    private (string? Raw, string? Inline) ReadCellContent()
    {
        string? raw = null, inline = null;
        var depth = _xml.Depth;
        // Reading an element's content leaves the reader on the next node already: no Read() then.
        var positioned = false;
        while (positioned || _xml.Read())
        {
            positioned = false;
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth) break;
            if (_xml.NodeType != XmlNodeType.Element) continue;
            if (ReferenceEquals(_xml.LocalName, _v))
            {
                if (_xml.IsEmptyElement) raw = "";
                else { raw = _xml.ReadElementContentAsString(); positioned = true; }
            }
            else if (ReferenceEquals(_xml.LocalName, _is)) inline = ReadRichText();
        }
        return (raw, inline);
    }

    private object? Convert(string? raw, string? inline, string? type, int style)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? _shared.At(i) : null;
            case "inlineStr":
                return inline is null ? null : Decode(inline);
            case "str":
                return raw is null ? null : Decode(raw);
            case "b":
                return raw is null ? null : raw == "1";
            case "e":
                return raw;
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : raw;
            default:
                if (raw is null) return inline is null ? null : Decode(inline);
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
                if (style < _dateStyles.Length && _dateStyles[style] && number is >= -657435 and < 2958466)
                    return DateTime.FromOADate(number);
                return number;
        }
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its runs joined, phonetic guides (&lt;rPh&gt;) left out.</summary>
    private string ReadRichText() => ReadRichText(_xml, _t, _rPh);

    private static string ReadRichText(XmlReader xml, string t, string rPh)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? text = null;
        // Skip() and reading an element's content leave the reader on the next node already: no Read() then.
        var positioned = false;
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (ReferenceEquals(xml.LocalName, rPh)) { xml.Skip(); positioned = true; continue; }
            if (!ReferenceEquals(xml.LocalName, t)) continue;
            if (xml.IsEmptyElement) continue;
            var part = xml.ReadElementContentAsString();
            positioned = true;
            if (single is null && text is null) single = part;
            else (text ??= new StringBuilder(single)).Append(part);
        }
        return text?.ToString() ?? single ?? "";
    }

    /// <summary>Undoes Excel's _xHHHH_ escapes of characters XML cannot carry.</summary>
    private static string Decode(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else result.Append(text[i]);
        }
        return result.ToString();
    }

    /// <summary>1-based column of a reference like "AB12".</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') column = column * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') column = column * 26 + (ch - 'a' + 1);
            else break;
        }
        return column;
    }

    // Column letters are few; each row reuses the same strings.
    private static readonly string[] CommonLetters = Enumerable.Range(1, 702).Select(LettersOf).ToArray();

    private static string Letters(int column) => column >= 1 && column <= CommonLetters.Length ? CommonLetters[column - 1] : LettersOf(column);

    private static string LettersOf(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// The shared-string table, read only as far as the cells so far need: Excel stores strings in order of
    /// first use, so reading the header rows reads only the first few.
    /// </summary>
    private sealed class SharedStrings : IDisposable
    {
        private readonly Utf8StringList _strings = new();
        private readonly ZipArchive? _zip;
        private readonly XmlReader? _xml;
        private readonly string _si = "", _t = "", _rPh = "";

        public SharedStrings(string path)
        {
            // A second handle on the file, so that this reader and the sheet's never share a stream position.
            var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
            var entry = Find(zip, "xl/sharedStrings.xml");
            if (entry is null)
            {
                zip.Dispose();
                return;
            }
            _zip = zip;
            _xml = XmlReader.Create(entry.Open(), Settings);
            (_si, _t, _rPh) = (_xml.NameTable.Add("si"), _xml.NameTable.Add("t"), _xml.NameTable.Add("rPh"));
        }

        public string? At(int index)
        {
            while (_strings.Count <= index && ReadNext()) { }
            return index < _strings.Count ? _strings[index] : null;
        }

        private bool ReadNext()
        {
            if (_xml is null) return false;
            while (_xml.Read())
            {
                if (_xml.NodeType != XmlNodeType.Element || !ReferenceEquals(_xml.LocalName, _si)) continue;
                _strings.Add(Decode(ReadRichText(_xml, _t, _rPh)));
                return true;
            }
            return false;
        }

        public void Dispose()
        {
            _xml?.Dispose();
            _zip?.Dispose();
        }
    }

    /// <summary>Which cell styles (by index) show numbers as dates: built-in date formats and custom ones with date parts.</summary>
    private static bool[] ReadDateStyles(ZipArchive zip)
    {
        var entry = Find(zip, "xl/styles.xml");
        if (entry is null) return [];
        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), out var id):
                    custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var fmt = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                    styles.Add(custom.TryGetValue(fmt, out var isDate) ? isDate : IsBuiltInDate(fmt));
                    break;
            }
        }
        return styles.ToArray();
    }

    // Built-in date and time formats, including the ones Chinese Excel uses (27–36, 50–58).
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A custom format is a date when it has y/m/d/h/s outside quoted text, escapes and [colour] brackets.</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (ch == '\\' || ch == '_' || ch == '*') i++;
            else if (ch == '[') bracket = true;
            else if (ch == ']') bracket = false;
            else if (!bracket && "yYmMdDhHsS".Contains(ch)) return true;
            else if (ch == ';') return false; // only the first section decides
        }
        return false;
    }

    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        var workbook = Find(zip, "xl/workbook.xml");
        string? relId = null;
        if (workbook is not null)
        {
            using var xml = XmlReader.Create(workbook.Open(), Settings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet") continue;
                relId = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                break;
            }
        }
        var rels = Find(zip, "xl/_rels/workbook.xml.rels");
        if (relId is not null && rels is not null)
        {
            using var xml = XmlReader.Create(rels.Open(), Settings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("Id") != relId) continue;
                var target = xml.GetAttribute("Target") ?? "";
                var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                return Find(zip, path);
            }
        }
        return Find(zip, "xl/worksheets/sheet1.xml");
    }

    private static ZipArchiveEntry? Find(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => e.FullName.Equals(path, StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
        _xml.Dispose();
        _zip.Dispose();
        _shared.Dispose();
    }
}
