using System.Text;

namespace Tongxin.Features.Attachments;

/// <summary>
/// The user's file name made safe to store and to send back in Content-Disposition: the last path segment only, no
/// control or reserved characters, no leading dots, at most <see cref="MaxLength"/> characters with the extension kept.
/// </summary>
public static class AttachmentFileName
{
    public const int MaxLength = 120;

    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', ';'];

    public static string Sanitize(string? raw, AttachmentType type)
    {
        var name = raw ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) name = name[(slash + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0x200B or 0x200E or 0x200F or 0x202A or 0x202B or 0x202C or 0x202D or 0x202E or 0xFEFF) continue;
            if (rune.IsBmp && Reserved.Contains((char)rune.Value)) { clean.Append('_'); continue; }
            clean.Append(rune.ToString());
        }
        name = clean.ToString().Trim().TrimStart('.').Trim();
        var ext = Path.GetExtension(name).ToLowerInvariant();
        var stem = name[..^ext.Length].Trim();
        if (!type.Extensions.Contains(ext)) ext = type.Extensions[0];
        if (stem.Length == 0) stem = "附件";
        var room = MaxLength - ext.Length;
        if (stem.Length > room)
        {
            stem = stem[..room];
            if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        }
        return stem + ext;
    }
}
