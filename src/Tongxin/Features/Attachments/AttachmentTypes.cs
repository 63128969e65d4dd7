using System.IO.Compression;
using System.Text;

namespace Tongxin.Features.Attachments;

/// <summary>A kind of file that may be attached: its extensions and the content type it is served with.</summary>
public sealed record AttachmentType(string Name, string ContentType, string[] Extensions);

/// <summary>
/// The allowed kinds (JPG/PNG images, PDF, Word .docx, Excel .xlsx, UTF-8 text) and the check of a file's content by
/// its first bytes (and, for Office files, the parts the package holds): the extension must agree with the content.
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentType Png = new("png", "image/png", [".png"]);
    public static readonly AttachmentType Pdf = new("pdf", "application/pdf", [".pdf"]);
    public static readonly AttachmentType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AttachmentType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly AttachmentType Text = new("txt", "text/plain; charset=utf-8", [".txt"]);

    public static readonly IReadOnlyList<AttachmentType> All = [Jpeg, Png, Pdf, Docx, Xlsx, Text];

    /// <summary>The accepted extensions, for the upload control (".jpg,.jpeg,…").</summary>
    public static string Accept => string.Join(",", All.SelectMany(t => t.Extensions));

    public const string AllowedText = "JPG、PNG 图片，PDF，Word（.docx）、Excel（.xlsx）或文本（.txt）文件";

    public static AttachmentType? ByExtension(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(t => t.Extensions.Contains(ext));
    }

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Whether the content is of the kind (the stream is read from its start and left at its start).</summary>
    public static bool Matches(AttachmentType type, Stream content)
    {
        content.Position = 0;
        try
        {
            Span<byte> head = stackalloc byte[8];
            var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..n];
            content.Position = 0;
            if (type == Jpeg) return head.StartsWith(JpegMagic);
            if (type == Png) return head.StartsWith(PngMagic);
            if (type == Pdf) return head.StartsWith(PdfMagic);
            if (type == Docx) return head.StartsWith(ZipMagic) && HasPart(content, "word/document.xml");
            if (type == Xlsx) return head.StartsWith(ZipMagic) && HasPart(content, "xl/workbook.xml");
            if (type == Text) return IsPlainText(content);
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    // An Office file is a ZIP package with [Content_Types].xml and its main part.
    private static bool HasPart(Stream content, string part)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(part) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            // A truncated or malformed package: the reader fails in several ways, all meaning "not an Office file".
            return false;
        }
    }

    // UTF-8 (with or without BOM) with no control characters but tab, line feed, carriage return and form feed.
    private static bool IsPlainText(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        int read;
        try
        {
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                for (var i = 0; i < count; i++)
                    if (char.IsControl(chars[i]) && chars[i] is not ('\t' or '\n' or '\r' or '\f')) return false;
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
