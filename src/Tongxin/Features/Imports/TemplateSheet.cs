using System.IO.Compression;
using System.Security;
using System.Text;

namespace Tongxin.Features.Imports;

/// <summary>
/// A small workbook written as a plain SpreadsheetML package with the standard part names
/// (<c>xl/workbook.xml</c>, <c>xl/worksheets/sheetN.xml</c>, <c>xl/sharedStrings.xml</c>, <c>xl/styles.xml</c>), so
/// Excel, WPS, LibreOffice and the JS readers open it; cells are strings, each with one of three styles.
/// </summary>
internal sealed class TemplateSheet(string name, IReadOnlySet<int> textColumns)
{
    public const int Plain = 0;
    public const int Text = 1;
    public const int Bold = 2;

    private readonly List<List<(string? Value, int Style)>> _rows = [];

    public void Row(IEnumerable<(string? Value, int Style)> cells) => _rows.Add(cells.ToList());

    public static void Save(Stream stream, IReadOnlyList<TemplateSheet> sheets)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        int StringId(string s)
        {
            if (!index.TryGetValue(s, out var i)) { i = strings.Count; strings.Add(s); index[s] = i; }
            return i;
        }
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var sheetXml = sheets.Select(s => s.Xml(StringId)).ToList();
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Write(zip, "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>" +
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>" +
            "</Types>");
        Write(zip, "_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/>" +
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
            $"<Relationship Id=\"rId3\" Type=\"{rel}/extended-properties\" Target=\"docProps/app.xml\"/>" +
            "</Relationships>");
        Write(zip, "docProps/core.xml",
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>网络人士导入模板</dc:title><dc:creator>Tongxin</dc:creator></cp:coreProperties>");
        Write(zip, "docProps/app.xml",
            "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Tongxin</Application></Properties>");
        Write(zip, "xl/workbook.xml",
            $"<workbook xmlns=\"{ns}\" xmlns:r=\"{rel}\"><sheets>" +
            string.Concat(sheets.Select((s, i) => $"<sheet name=\"{Esc(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
            "</sheets></workbook>");
        Write(zip, "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
            $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>" +
            $"<Relationship Id=\"rId{sheets.Count + 2}\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
            "</Relationships>");
        // Styles: 0 general, 1 text (built-in number format 49, “@”), 2 bold.
        Write(zip, "xl/styles.xml",
            $"<styleSheet xmlns=\"{ns}\">" +
            "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>" +
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>" +
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>" +
            "</styleSheet>");
        for (var i = 0; i < sheets.Count; i++) Write(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
        Write(zip, "xl/sharedStrings.xml",
            $"<sst xmlns=\"{ns}\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">" +
            string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{Esc(s)}</t></si>")) + "</sst>");
    }

    public string Name => name;

    private string Xml(Func<string, int> stringId)
    {
        var sb = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        var width = _rows.Count == 0 ? 1 : _rows.Max(r => r.Count);
        sb.Append("<cols>");
        for (var c = 0; c < width; c++)
        {
            var style = textColumns.Contains(c) ? $" style=\"{Text}\"" : "";
            var w = textColumns.Contains(c) ? 22 : width == 1 ? 100 : 14;
            sb.Append($"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{w}\" customWidth=\"1\"{style}/>");
        }
        sb.Append("</cols><sheetData>");
        for (var r = 0; r < _rows.Count; r++)
        {
            sb.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < _rows[r].Count; c++)
            {
                var (value, style) = _rows[r][c];
                var s = style == Plain ? "" : $" s=\"{style}\"";
                if (value is null) { if (s.Length > 0) sb.Append($"<c r=\"{Ref(c, r)}\"{s}/>"); continue; }
                sb.Append($"<c r=\"{Ref(c, r)}\"{s} t=\"s\"><v>{stringId(value)}</v></c>");
            }
            sb.Append("</row>");
        }
        sb.Append("</sheetData></worksheet>");
        return sb.ToString();
    }

    private static string Ref(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + (row + 1);
    }

    private static string Esc(string s) => SecurityElement.Escape(s);

    private static void Write(ZipArchive zip, string path, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        w.Write(xml);
    }
}
