using System.Text;

namespace Tongxin.Demo;

/// <summary>
/// Small files made in code for the demo attachments: a one-page PDF and a baseline JPEG (a grey-scale picture of flat
/// 8×8 blocks), both complete files that a viewer opens, so no binary has to be kept in the repository.
/// </summary>
public static class DemoFiles
{
    /// <summary>A one-page PDF (A4) with a few lines of ASCII text; the cross-reference offsets are counted as it is written.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 14 Tf 72 770 Td 18 TL\n");
        foreach (var line in lines) text.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        text.Append("ET");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string s) =>
        new(s.Where(c => c is >= ' ' and <= '~').SelectMany(c => c is '(' or ')' or '\\' ? new[] { '\\', c } : [c]).ToArray());

    /// <summary>
    /// A baseline grey-scale JPEG of <paramref name="columns"/> × <paramref name="rows"/> flat 8×8 blocks, each block's grey
    /// level given by <paramref name="shade"/> (0–255): every block is its DC coefficient alone (quantizer 1), coded with
    /// the standard luminance DC table and an end-of-block-only AC table.
    /// </summary>
    public static byte[] Jpeg(int columns, int rows, Func<int, int, int> shade)
    {
        var o = new MemoryStream();
        void Bytes(params byte[] b) => o.Write(b);
        void Segment(byte marker, byte[] body)
        {
            Bytes(0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2));
            Bytes(body);
        }
        Bytes(0xFF, 0xD8);
        Segment(0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        int width = columns * 8, height = rows * 8;
        Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        byte[] dcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        Segment(0xC4, [0x00, .. dcCounts, .. Enumerable.Range(0, 12).Select(v => (byte)v)]);
        Segment(0xC4, [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]); // AC: end of block only, code "0"
        Segment(0xDA, [1, 1, 0x00, 0, 63, 0]);

        var dcCodes = CanonicalCodes(dcCounts);
        var (acc, bits) = (0, 0);
        void Put(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                acc = (acc << 1) | ((value >> i) & 1);
                if (++bits < 8) continue;
                o.WriteByte((byte)acc);
                if (acc == 0xFF) o.WriteByte(0); // byte stuffing
                (acc, bits) = (0, 0);
            }
        }
        var previous = 0;
        for (var y = 0; y < rows; y++)
            for (var x = 0; x < columns; x++)
            {
                var dc = (Math.Clamp(shade(x, y), 0, 255) - 128) * 8;
                var diff = dc - previous;
                previous = dc;
                var size = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                Put(dcCodes[size].Code, dcCodes[size].Length);
                if (size > 0) Put(diff > 0 ? diff : diff + (1 << size) - 1, size);
                Put(0, 1); // end of block
            }
        if (bits > 0) Put((1 << (8 - bits)) - 1, 8 - bits); // pad with ones
        Bytes(0xFF, 0xD9);
        return o.ToArray();
    }

    /// <summary>The canonical Huffman codes of symbols 0, 1, 2… given how many codes each length (1–16) has.</summary>
    private static List<(int Code, int Length)> CanonicalCodes(byte[] counts)
    {
        var codes = new List<(int, int)>();
        var code = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++) codes.Add((code++, length));
            code <<= 1;
        }
        return codes;
    }
}
