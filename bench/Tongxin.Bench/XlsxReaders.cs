using System.Diagnostics;
using System.IO.Compression;
using System.Security;
using System.Text;
using Tongxin.Common.Validation;
using Tongxin.Features.Imports;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Tongxin.Bench;

/// <summary>
/// The import's sheet reader (<see cref="XlsxRowStream"/>) against MiniExcel's streaming <c>Query</c> on the same
/// workbook, one reader per process: time, CPU, allocations and peak memory of one pass (or of the first rows,
/// as the header search reads them). Decision 0006 records what this showed.
/// </summary>
public static class XlsxReaders
{
    public static void Measure(string path, string reader, int maxRows)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var rssStart = ProcStatusMb("VmRSS");
        var allocatedStart = GC.GetTotalAllocatedBytes(true);
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (rows, cells) = reader == "miniexcel" ? ReadMiniExcel(path, maxRows) : ReadStream(path, maxRows);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        var allocated = (GC.GetTotalAllocatedBytes(true) - allocatedStart) >> 20;
        Console.WriteLine($"{reader}: rows={rows} cells={cells} wall_ms={clock.ElapsedMilliseconds} cpu_ms={cpu.TotalMilliseconds:F0} " +
            $"allocated_mb={allocated} peak_rss_mb={ProcStatusMb("VmHWM")} (start {rssStart})");
    }

    private static (long Rows, long Cells) ReadStream(string path, int maxRows)
    {
        long rows = 0, cells = 0;
        using var stream = XlsxRowStream.Open(path);
        var row = new Dictionary<string, object?>();
        while (rows < maxRows && stream.Next(row))
        {
            rows++;
            cells += row.Count;
        }
        return (rows, cells);
    }

    private static (long Rows, long Cells) ReadMiniExcel(string path, int maxRows)
    {
        long rows = 0, cells = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false))
        {
            if (rows++ >= maxRows) break;
            foreach (var value in row.Values)
                if (value is not null) cells++;
        }
        return (rows, cells);
    }

    private static long ProcStatusMb(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0]) / 1024;
        return -1;
    }

    /// <summary>
    /// A workbook as Excel saves one: a title row, the header, shared strings, date-styled birth and enrolment dates
    /// (a built-in and a custom Chinese format), phones as numbers, an inline-string note on every tenth row and a
    /// footnote row. The rows are valid people (ID numbers agree with birth date and gender).
    /// </summary>
    public static void WriteExcelStyle(string path, int rows)
    {
        var people = new SyntheticPeople(7);
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        int S(string s)
        {
            if (!index.TryGetValue(s, out var i)) { i = strings.Count; strings.Add(s); index[s] = i; }
            return i;
        }
        string[] headers =
        [
            "姓名", "性别", "出生年月", "身份证号", "手机", "所属地区", "工作单位", "人士类别", "平台", "账号", "粉丝数", "入库时间", "备注",
        ];
        string[] regions = ["纳溪区", "江阳区", "龙马潭区"];
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        StreamWriter Open(string name)
        {
            var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            return w;
        }
        void Part(string name, string xml)
        {
            using var w = Open(name);
            w.Write(xml);
        }
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string package = "http://schemas.openxmlformats.org/package/2006";
        const string type = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        Part("[Content_Types].xml", $"""
            <Types xmlns="{package}/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="{type}.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="{type}.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="{type}.sharedStrings+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="{type}.styles+xml"/>
            </Types>
            """);
        Part("_rels/.rels", $"""
            <Relationships xmlns="{package}/relationships">
            <Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Part("xl/workbook.xml", $"""
            <workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="人士" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part("xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{package}/relationships">
            <Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>
            <Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/>
            </Relationships>
            """);
        Part("xl/styles.xml", $"""
            <styleSheet xmlns="{main}">
            <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs>
            </styleSheet>
            """);
        using (var w = Open("xl/worksheets/sheet1.xml"))
        {
            w.Write($"<worksheet xmlns=\"{main}\"><dimension ref=\"A1:M{rows + 3}\"/><sheetData>");
            w.Write($"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>{S("泸州市网络人士登记表")}</v></c></row><row r=\"2\">");
            for (var c = 0; c < headers.Length; c++)
                w.Write($"<c r=\"{(char)('A' + c)}2\" t=\"s\"><v>{S(headers[c])}</v></c>");
            w.Write("</row>");
            for (var i = 0; i < rows; i++)
            {
                var r = i + 3;
                var birth = new DateOnly(1970, 1, 1).AddDays(i / 1000 * 37);
                var first17 = "510502" + birth.ToString("yyyyMMdd") + (i % 1000).ToString("000");
                string Text(char column, string value) => $"<c r=\"{column}{r}\" t=\"s\"><v>{S(value)}</v></c>";
                w.Write($"<row r=\"{r}\">{Text('A', people.Name())}{Text('B', i % 1000 % 2 == 1 ? "男" : "女")}");
                w.Write($"<c r=\"C{r}\" s=\"{1 + i % 2}\"><v>{birth.ToDateTime(TimeOnly.MinValue).ToOADate()}</v></c>");
                w.Write(Text('D', first17 + IdCardNumber.CheckDigit(first17)));
                w.Write($"<c r=\"E{r}\"><v>{13900000000L + i}</v></c>");
                w.Write($"{Text('F', regions[i % 3])}{Text('G', "网络科技有限公司" + i % 500)}{Text('H', "主播")}{Text('I', "抖音")}");
                w.Write($"{Text('J', "handle_" + i)}<c r=\"K{r}\"><v>{people.Followers()}</v></c>");
                w.Write($"<c r=\"L{r}\" s=\"1\"><v>{new DateTime(2024, 1, 1).AddDays(i % 600).ToOADate()}</v></c>");
                if (i % 10 == 0) w.Write($"<c r=\"M{r}\" t=\"inlineStr\"><is><t>备注{i}</t></is></c>");
                w.Write("</row>");
            }
            var last = rows + 3;
            w.Write($"<row r=\"{last}\"><c r=\"A{last}\" t=\"s\"><v>{S("注：带*为必填")}</v></c></row></sheetData></worksheet>");
        }
        using (var w = Open("xl/sharedStrings.xml"))
        {
            w.Write($"<sst xmlns=\"{main}\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
            foreach (var s in strings) w.Write($"<si><t>{SecurityElement.Escape(s)}</t></si>");
            w.Write("</sst>");
        }
    }
}
