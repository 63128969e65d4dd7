using System.Text;
using Tongxin.Common.Text;

namespace Tongxin.Common.Validation;

public enum PhoneKind
{
    Invalid = 0,
    Mobile = 1,
    Landline = 2,
}

/// <summary>Outcome of <see cref="PhoneNumber.Parse"/>.</summary>
public sealed record PhoneCheck
{
    private PhoneCheck()
    {
    }

    public bool IsValid => Error is null;

    public PhoneKind Kind { get; private init; }

    /// <summary>
    /// Normalized number: 11 digits for a mobile (13812345678); "area-local" for a landline
    /// (0830-1234567), with "-extension" when one was given.
    /// </summary>
    public string? Number { get; private init; }

    /// <summary>Landline area code with its leading 0 (010, 0830).</summary>
    public string? AreaCode { get; private init; }

    /// <summary>Landline local number without area code or extension.</summary>
    public string? LocalNumber { get; private init; }

    /// <summary>Landline extension, when one was given.</summary>
    public string? Extension { get; private init; }

    /// <summary>Chinese message for the user, when invalid.</summary>
    public string? Error { get; private init; }

    internal static PhoneCheck Mobile(string number) => new() { Kind = PhoneKind.Mobile, Number = number };

    internal static PhoneCheck Landline(string area, string local, string? extension) => new()
    {
        Kind = PhoneKind.Landline,
        AreaCode = area,
        LocalNumber = local,
        Extension = extension,
        Number = extension is null ? $"{area}-{local}" : $"{area}-{local}-{extension}",
    };

    internal static PhoneCheck Fail(string error) => new() { Error = error };
}

/// <summary>Mainland China phone numbers: mobiles are validated strictly, landlines accepted as landlines.</summary>
public static class PhoneNumber
{
    public const string EmptyMessage = "电话号码不能为空";
    public const string FormatMessage = "手机号码格式不正确";

    /// <summary>
    /// Parses a mobile (1[3-9] + 9 digits, optional +86/0086/86 prefix) or a landline (area code
    /// 0 + 2–3 digits, 7–8 digit local number, optional extension after 转/ext/x/#/-).
    /// Spaces, dashes, dots, brackets and full-width digits are accepted.
    /// </summary>
    public static PhoneCheck Parse(string? input)
    {
        // Brackets only group digits ("(0830)1234567", "(+86)"); read them as spaces.
        var text = ChineseText.ToHalfWidth(input)
            .Replace('(', ' ').Replace(')', ' ')
            .Trim()
            .ToLowerInvariant();
        if (text.Length == 0)
        {
            return PhoneCheck.Fail(EmptyMessage);
        }

        // Split off an extension written with a word; "-" extensions are handled after digits are known.
        string? extension = null;
        foreach (var marker in new[] { "转", "分机", "ext.", "ext", "x", "#" })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                extension = Digits(text[(at + marker.Length)..], out var extOk);
                if (!extOk || extension.Length is 0 or > 6)
                {
                    return PhoneCheck.Fail(FormatMessage);
                }

                text = text[..at];
                break;
            }
        }

        var plus = text.StartsWith('+');
        var groups = Groups(plus ? text[1..] : text, out var ok);
        if (!ok || groups.Count == 0)
        {
            return PhoneCheck.Fail(FormatMessage);
        }

        var digits = string.Concat(groups);

        // Country code: +86 / 0086 / 86 (the bare 86 only when a mobile follows).
        if (plus || digits.StartsWith("0086", StringComparison.Ordinal))
        {
            var cc = plus ? "86" : "0086";
            if (!digits.StartsWith(cc, StringComparison.Ordinal))
            {
                return PhoneCheck.Fail(FormatMessage);
            }

            digits = digits[cc.Length..];
            groups = StripPrefix(groups, cc.Length);
            if (digits.Length > 0 && !IsMobile(digits))
            {
                // International landline form drops the trunk 0: +86 830 2345678, +86 10 62345678.
                digits = "0" + digits;
                groups.Insert(0, "0");
                groups = [string.Concat(groups.Take(2)), .. groups.Skip(2)];
            }
        }
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
        {
            digits = digits[2..];
            groups = [digits];
        }

        if (extension is null && IsMobile(digits))
        {
            return PhoneCheck.Mobile(digits);
        }

        return ParseLandline(digits, groups, extension);
    }

    /// <summary>True for a normalized 11-digit mainland mobile number.</summary>
    public static bool IsMobile(string? digits) =>
        digits is { Length: 11 } && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit);

    /// <summary>Masks for display: mobile 138****5678; landline keeps the area code and the last 2 digits.</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return string.Empty;
        }

        var check = Parse(number);
        if (check.Kind == PhoneKind.Mobile)
        {
            return check.Number![..3] + "****" + check.Number[^4..];
        }

        if (check.Kind == PhoneKind.Landline)
        {
            var local = check.LocalNumber!;
            return $"{check.AreaCode}-{new string('*', local.Length - 2)}{local[^2..]}";
        }

        // Unknown shapes: reveal only the last 2 characters.
        return number.Length <= 2 ? new string('*', number.Length) : new string('*', number.Length - 2) + number[^2..];
    }

    private static PhoneCheck ParseLandline(string digits, List<string> groups, string? extension)
    {
        if (digits.Length == 0 || digits[0] != '0')
        {
            return PhoneCheck.Fail(FormatMessage);
        }

        // 010 and 02x are the only 3-digit area codes; all others have 4 digits.
        var areaLength = digits.StartsWith("010", StringComparison.Ordinal) || digits.StartsWith("02", StringComparison.Ordinal) ? 3 : 4;

        // "0830-1234567-801": a third group after a complete local number is an extension.
        if (extension is null && groups.Count == 3 && groups[0].Length == areaLength && groups[1].Length is 7 or 8)
        {
            if (groups[2].Length > 6)
            {
                return PhoneCheck.Fail(FormatMessage);
            }

            extension = groups[2];
            digits = groups[0] + groups[1];
        }

        if (digits.Length < areaLength + 7)
        {
            return PhoneCheck.Fail(FormatMessage);
        }

        var area = digits[..areaLength];
        var local = digits[areaLength..];
        if (local.Length > 8 || local[0] is '0' or '1')
        {
            return PhoneCheck.Fail(FormatMessage);
        }

        return PhoneCheck.Landline(area, local, extension);
    }

    // Digit groups split on separators; anything else fails.
    private static List<string> Groups(string text, out bool ok)
    {
        var groups = new List<string>();
        var current = new StringBuilder();
        ok = true;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or '—' or '–' or '_' or '/')
            {
                Flush();
            }
            else
            {
                ok = false;
                return groups;
            }
        }

        Flush();
        return groups;

        void Flush()
        {
            if (current.Length > 0)
            {
                groups.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Digits(string text, out bool ok)
    {
        var groups = Groups(text, out ok);
        return string.Concat(groups);
    }

    // Removes the first n digits from the grouped form.
    private static List<string> StripPrefix(List<string> groups, int n)
    {
        var result = new List<string>();
        foreach (var g in groups)
        {
            if (n >= g.Length)
            {
                n -= g.Length;
                continue;
            }

            result.Add(g[n..]);
            n = 0;
        }

        return result;
    }
}
