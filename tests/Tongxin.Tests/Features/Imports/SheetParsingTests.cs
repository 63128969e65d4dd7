using Tongxin.Common.Validation;
using Tongxin.Features.Imports;

namespace Tongxin.Tests.Features.Imports;

/// <summary>Header recognition and cell reading, without a database.</summary>
public class SheetParsingTests
{
    [Theory]
    [InlineData("姓名", FigureColumn.Name)]
    [InlineData("*姓名", FigureColumn.Name)]
    [InlineData("姓名（必填）", FigureColumn.Name)]
    [InlineData(" 姓　名 ", FigureColumn.Name)]
    [InlineData("出生年月(格式:1990.05)", FigureColumn.BirthDate)]
    [InlineData("出生年月日", FigureColumn.BirthDate)]
    [InlineData("公民身份号码", FigureColumn.IdNumber)]
    [InlineData("身份证号码", FigureColumn.IdNumber)]
    [InlineData("手机号码", FigureColumn.Phone)]
    [InlineData("联系电话", FigureColumn.Phone)]
    [InlineData("所属区县", FigureColumn.Region)]
    [InlineData("行政区划", FigureColumn.Region)]
    [InlineData("所在单位", FigureColumn.Workplace)]
    [InlineData("职位", FigureColumn.JobTitle)]
    [InlineData("类别", FigureColumn.Category)]
    [InlineData("重点级别", FigureColumn.KeyLevel)]
    [InlineData("账号名称", FigureColumn.Handle)]
    [InlineData("粉丝量", FigureColumn.Followers)]
    [InlineData("主页链接", FigureColumn.Url)]
    [InlineData("ＰＬＡＴ", null)]
    [InlineData("爱好", null)]
    public void Header_variants_are_recognized(string header, FigureColumn? expected) =>
        Assert.Equal(expected, FigureColumns.Match(header));

    [Fact]
    public void Column_definitions_follow_the_enum_order()
    {
        foreach (var c in Enum.GetValues<FigureColumn>()) Assert.Equal(c, FigureColumns.Of(c).Column);
    }

    [Fact]
    public void A_header_row_needs_a_name_column()
    {
        Assert.Null(FigureSheetReader.TryHeader(1, new Dictionary<string, object?> { ["A"] = "2026年网络人士信息表", ["B"] = null }));
        var header = FigureSheetReader.TryHeader(3, new Dictionary<string, object?> { ["A"] = "序号", ["B"] = "姓名", ["C"] = "手机", ["D"] = "电话" })!;
        Assert.Equal(3, header.RowNumber);
        Assert.Equal(FigureColumn.Name, header.Columns["B"]);
        Assert.Contains("序号", header.UnknownColumns);
        Assert.Contains(header.UnknownColumns, u => u.StartsWith("电话"));
    }

    [Theory]
    [InlineData("注：以上信息由各区县汇总", true)]
    [InlineData("注1. 身份证号为必填", true)]
    [InlineData("说明：请勿修改表头", true)]
    [InlineData("备注：数据截至2026年", true)]
    [InlineData("注红", false)]
    [InlineData("张三", false)]
    public void A_single_note_cell_is_a_footnote(string text, bool footnote) =>
        Assert.Equal(footnote, FigureSheetReader.IsFootnote(new Dictionary<string, object?> { ["A"] = text, ["B"] = null }));

    [Fact]
    public void Dates_read_from_every_cell_kind()
    {
        Assert.Equal("1990-05-01", CellReader.Date(new DateTime(1990, 5, 1), out _));
        Assert.Equal("1990-05", CellReader.Date(1990.05, out _));
        Assert.Equal("1990-05-01", CellReader.Date(32994d, out _));
        Assert.Equal("1990-05-01", CellReader.Date(19900501d, out _));
        Assert.Equal("1990年5月", CellReader.Date("1990年5月", out _)); // text goes to the shared rules as written
        Assert.Null(CellReader.Date(1990.1, out var error));
        Assert.Contains("无法区分1月和10月", error);
    }

    [Fact]
    public void Id_numbers_from_numeric_cells_report_lost_digits()
    {
        Assert.Null(CellReader.IdNumber(510502199001011234d, out var error));
        Assert.Equal(IdCardNumber.ExcelNumberMessage, error);
        Assert.Equal("510502199001011234", CellReader.IdNumber("510502199001011234", out _));
        Assert.Null(CellReader.IdNumber("510502********1234", out error)); // masked by our export: skipped
        Assert.Null(error);
    }

    [Theory]
    [InlineData("3,200", 3_200L)]
    [InlineData("12.5万", 125_000L)]
    [InlineData("1100万", 11_000_000L)]
    [InlineData("３２００", 3_200L)]
    public void Counts_from_text(string text, long expected) => Assert.Equal(expected, CellReader.Count(text, out _));

    [Fact]
    public void Counts_from_numbers_and_errors()
    {
        Assert.Equal(4500L, CellReader.Count(4500d, out _));
        Assert.Null(CellReader.Count(-1d, out var error));
        Assert.Equal(CountParser.NegativeMessage, error);
        Assert.Null(CellReader.Count("很多", out error));
        Assert.Equal(CountParser.FormatMessage, error);
    }

    [Fact]
    public void Text_cells_undo_our_formula_guard_and_numbers_keep_their_digits()
    {
        Assert.Equal("=SUM(1)", CellReader.Text("'=SUM(1)"));
        Assert.Equal("'quoted", CellReader.Text("'quoted"));
        Assert.Equal("13912345678", CellReader.Text(13912345678d));
        Assert.Null(CellReader.Text("   "));
        Assert.Null(CellReader.Phone("139****5678"));
    }

    [Fact]
    public void Zip_bombs_and_legacy_files_are_refused_before_reading()
    {
        var dir = Directory.CreateTempSubdirectory("tx-upload-");
        try
        {
            var xls = Path.Combine(dir.FullName, "a.xlsx");
            File.WriteAllBytes(xls, [0xD0, 0xCF, 0x11, 0xE0, 0, 0]);
            Assert.Equal(UploadCheck.LegacyXlsMessage, Assert.Throws<ImportFileException>(() => UploadCheck.Verify(xls)).Message);

            var many = Path.Combine(dir.FullName, "many.xlsx");
            using (var zip = System.IO.Compression.ZipFile.Open(many, System.IO.Compression.ZipArchiveMode.Create))
                for (var i = 0; i <= ImportLimits.MaxZipEntries; i++) zip.CreateEntry($"x/{i}");
            Assert.Contains("条目过多", Assert.Throws<ImportFileException>(() => UploadCheck.Verify(many)).Message);

            var big = Path.Combine(dir.FullName, "big.xlsx");
            using (var zip = System.IO.Compression.ZipFile.Open(big, System.IO.Compression.ZipArchiveMode.Create))
            {
                var zeros = new byte[1 << 20];
                for (var e = 0; e < 3; e++)
                {
                    using var s = zip.CreateEntry($"xl/big{e}.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
                    for (var i = 0; i < 70; i++) s.Write(zeros);
                }
            }
            Assert.Contains("解压后超过", Assert.Throws<ImportFileException>(() => UploadCheck.Verify(big)).Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
