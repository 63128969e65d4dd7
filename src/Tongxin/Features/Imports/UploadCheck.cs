using System.IO.Compression;

namespace Tongxin.Features.Imports;

/// <summary>
/// Checks an uploaded file by content before any spreadsheet code reads it: size, the zip signature of
/// .xlsx (a legacy .xls is refused with advice), and the zip's entry count and uncompressed size.
/// </summary>
public static class UploadCheck
{
    public const string LegacyXlsMessage = "不支持旧版 .xls 文件，请另存为 .xlsx 后再导入";
    public const string NotXlsxMessage = "文件不是有效的 Excel 工作簿（.xlsx）";

    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>Throws <see cref="ImportFileException"/> with a Chinese message when the file is not acceptable.</summary>
    public static void Verify(string path)
    {
        var info = new FileInfo(path);
        if (info.Length == 0) throw new ImportFileException("文件为空");
        if (info.Length > ImportLimits.MaxUploadBytes)
            throw new ImportFileException($"文件不能超过{ImportLimits.MaxUploadBytes / 1024 / 1024}MB");
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (n == 4 && head.SequenceEqual(OleMagic)) throw new ImportFileException(LegacyXlsMessage);
        if (n < 2 || head[0] != (byte)'P' || head[1] != (byte)'K') throw new ImportFileException(NotXlsxMessage);
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > ImportLimits.MaxZipEntries)
                throw new ImportFileException($"文件内部条目过多（超过{ImportLimits.MaxZipEntries}个），无法导入");
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > ImportLimits.MaxUncompressedBytes)
                    throw new ImportFileException($"文件解压后超过{ImportLimits.MaxUncompressedBytes / 1024 / 1024}MB，无法导入");
                hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
            }
            if (!hasWorkbook) throw new ImportFileException(NotXlsxMessage);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(NotXlsxMessage);
        }
    }
}
