using System.IO.Compression;
using System.Text;
using Tongxin.Features.Imports;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// The streaming reader on a workbook written the way Excel writes them (shared strings with rich runs and
/// phonetic guides, styles with date formats, sparse rows), not the way our own writer does.
/// </summary>
public class XlsxRowStreamTests
{
    [Fact]
    public void Excel_style_cells_read_as_the_importer_expects()
    {
        var path = Write(new Dictionary<string, string>
        {
            ["xl/workbook.xml"] = """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="人士" sheetId="1" r:id="rId3"/></sheets></workbook>
                """,
            ["xl/_rels/workbook.xml.rels"] = """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
                </Relationships>
                """,
            ["xl/sharedStrings.xml"] = """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <si><t>姓名</t></si>
                <si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>
                <si><t>a_x000D_b</t></si>
                </sst>
                """,
            ["xl/styles.xml"] = """
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00_);[Red]\(0.00\)"/></numFmts>
                <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
                </styleSheet>
                """,
            ["xl/worksheets/data.xml"] = """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="inlineStr"><is><t>手机</t></is></c></row>
                <row r="5"><c r="B5" t="s"><v>1</v></c><c r="C5" s="1"><v>32994</v></c><c r="D5"><v>13912345678</v></c>
                  <c r="E5" s="2"><v>32994</v></c><c r="F5" s="3"><v>1.5</v></c><c r="G5" t="b"><v>1</v></c>
                  <c r="H5" t="str"><f>A1</f><v>公式</v></c><c r="I5" t="s"><v>2</v></c><c r="J5"/></row>
                <row r="6"/>
                </sheetData></worksheet>
                """,
        });
        try
        {
            using var rows = XlsxRowStream.Open(path);
            var cells = new Dictionary<string, object?>();
            Assert.True(rows.Next(cells));
            Assert.Equal(2, rows.RowNumber);
            Assert.Equal(new Dictionary<string, object?> { ["B"] = "姓名", ["D"] = "手机" }, cells);

            Assert.True(rows.Next(cells));
            Assert.Equal(5, rows.RowNumber);
            Assert.Equal("张三 ", cells["B"]); // runs joined, the phonetic guide left out
            Assert.Equal(new DateTime(1990, 5, 1), cells["C"]);
            Assert.Equal(13912345678d, cells["D"]);
            Assert.Equal(new DateTime(1990, 5, 1), cells["E"]); // a custom Chinese date format
            Assert.Equal(1.5d, cells["F"]); // a number format with brackets and escapes is not a date
            Assert.Equal(true, cells["G"]);
            Assert.Equal("公式", cells["H"]);
            Assert.Equal("a\rb", cells["I"]);
            Assert.False(cells.ContainsKey("J"));

            Assert.True(rows.Next(cells));
            Assert.Equal(6, rows.RowNumber);
            Assert.Empty(cells);
            Assert.False(rows.Next(cells));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(Dictionary<string, string> parts)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tx-xlsx-{Guid.NewGuid():N}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, xml) in parts)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml.Trim()));
        }
        return path;
    }
}
