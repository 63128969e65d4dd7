using System.Text;

namespace Tongxin.Common.Text;

/// <summary>Normalization for text typed by Chinese users (IME full-width forms, stray spaces).</summary>
public static class ChineseText
{
    /// <summary>
    /// Full-width ASCII to half-width, ideographic and other Unicode spaces to a single space,
    /// zero-width characters removed, trimmed. Null gives an empty string.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var raw in value)
        {
            var c = ToHalfWidth(raw);
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Maps one full-width ASCII character (U+FF01–U+FF5E) or U+3000 to its half-width form.</summary>
    public static char ToHalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>Full-width to half-width for every character, nothing else changed.</summary>
    public static string ToHalfWidth(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return string.Create(value.Length, value, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = ToHalfWidth(src[i]);
            }
        });
    }

    // Zero-width characters and the BOM arrive from copy-paste and Excel and are never meaningful.
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
