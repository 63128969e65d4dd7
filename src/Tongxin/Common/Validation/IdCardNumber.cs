using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tongxin.Common.Text;

namespace Tongxin.Common.Validation;

/// <summary>Outcome of <see cref="IdCardNumber.Parse"/>: either a normalized number or a Chinese error.</summary>
public sealed record IdCardCheck
{
    private IdCardCheck()
    {
    }

    public bool IsValid => Error is null;

    /// <summary>Normalized 18-character number (digits and an upper-case X), when valid.</summary>
    public string? Number { get; private init; }

    /// <summary>Birth date encoded in the number, when valid.</summary>
    public DateOnly? BirthDate { get; private init; }

    /// <summary>"男" or "女" from the 17th digit, when valid.</summary>
    public string? Gender { get; private init; }

    /// <summary>True when the input was an old 15-digit number converted to 18 digits.</summary>
    public bool ConvertedFrom15 { get; private init; }

    /// <summary>Chinese message for the user, when invalid.</summary>
    public string? Error { get; private init; }

    internal static IdCardCheck Ok(string number, DateOnly birthDate, bool convertedFrom15) => new()
    {
        Number = number,
        BirthDate = birthDate,
        Gender = (number[16] - '0') % 2 == 1 ? "男" : "女",
        ConvertedFrom15 = convertedFrom15,
    };

    internal static IdCardCheck Fail(string error) => new() { Error = error };
}

/// <summary>
/// Resident identity card numbers (GB 11643-1999), including the 81/82/83 residence permits for
/// Hong Kong, Macao and Taiwan residents, and old 15-digit numbers.
/// </summary>
public static partial class IdCardNumber
{
    public const string EmptyMessage = "身份证号不能为空";
    public const string LengthMessage = "身份证号应为18位";
    public const string CharactersMessage = "身份证号含有无效字符";
    public const string RegionMessage = "身份证号前两位地区代码无效";
    public const string BirthDateMessage = "身份证号中的出生日期无效";
    public const string CheckDigitMessage = "身份证号校验位不正确";
    public const string ExcelNumberMessage = "身份证号被 Excel 转成了数字，后几位已丢失，请将该列设为文本后重新填写";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    // Province-level codes of GB/T 2260, 71 Taiwan, and the residence-permit prefixes 81/82/83.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    /// <summary>
    /// Validates and normalizes a number: spaces removed, full-width digits and a lower-case x accepted,
    /// 15-digit numbers converted. <paramref name="fromNumericCell"/> says the value came from a numeric
    /// Excel cell, where anything longer than 15 digits has already lost precision.
    /// <paramref name="today"/> (default: the local date) bounds the birth date.
    /// </summary>
    public static IdCardCheck Parse(string? input, bool fromNumericCell = false, DateOnly? today = null)
    {
        var s = Clean(input);
        if (s.Length == 0)
        {
            return IdCardCheck.Fail(EmptyMessage);
        }

        // Excel's scientific notation, e.g. 5.10502199001011E+17.
        if (ScientificPattern().IsMatch(s))
        {
            return IdCardCheck.Fail(ExcelNumberMessage);
        }

        // A numeric cell may arrive as "510502199001011000" or "510502199001011000.0".
        if (fromNumericCell)
        {
            var digits = s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
            if (digits.Length > 15 && digits.All(char.IsAsciiDigit))
            {
                return IdCardCheck.Fail(ExcelNumberMessage);
            }

            s = digits;
        }

        var limit = today ?? DateOnly.FromDateTime(DateTime.Now);
        if (s.Length == 15)
        {
            return Parse15(s, limit);
        }

        if (s.Length != 18)
        {
            return IdCardCheck.Fail(LengthMessage);
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return IdCardCheck.Fail(CharactersMessage);
            }
        }

        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X')
        {
            return IdCardCheck.Fail(CharactersMessage);
        }

        if (!Provinces.Contains(int.Parse(s.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return IdCardCheck.Fail(RegionMessage);
        }

        if (!TryBirthDate(s.AsSpan(6, 8), limit, out var birth))
        {
            return IdCardCheck.Fail(BirthDateMessage);
        }

        if (CheckDigit(s.AsSpan(0, 17)) != s[17])
        {
            // Trailing zeros are what Excel leaves after rounding an 18-digit number to 15 digits.
            return IdCardCheck.Fail(s.EndsWith("000", StringComparison.Ordinal) ? ExcelNumberMessage : CheckDigitMessage);
        }

        return IdCardCheck.Ok(s, birth, convertedFrom15: false);
    }

    /// <summary>GB 11643 check character for the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Masks a number for display: first 6 and last 4 characters kept, e.g. 510502********123X.</summary>
    public static string Mask(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return string.Empty;
        }

        if (normalized.Length <= 10)
        {
            // Too short to keep 6 + 4 without revealing everything: keep only the last 2.
            var keep = Math.Min(2, normalized.Length);
            return new string('*', normalized.Length - keep) + normalized[^keep..];
        }

        return normalized[..6] + new string('*', normalized.Length - 10) + normalized[^4..];
    }

    private static IdCardCheck Parse15(string s, DateOnly limit)
    {
        if (!s.All(char.IsAsciiDigit))
        {
            return IdCardCheck.Fail(CharactersMessage);
        }

        if (!Provinces.Contains(int.Parse(s.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return IdCardCheck.Fail(RegionMessage);
        }

        // Old numbers carry a 2-digit year of the 1900s and no check digit.
        var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6, 9));
        if (!TryBirthDate(first17.AsSpan(6, 8), limit, out var birth))
        {
            return IdCardCheck.Fail(BirthDateMessage);
        }

        return IdCardCheck.Ok(first17 + CheckDigit(first17), birth, convertedFrom15: true);
    }

    private static bool TryBirthDate(ReadOnlySpan<char> yyyymmdd, DateOnly limit, out DateOnly birth)
    {
        var ok = DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth);
        return ok && birth.Year >= 1900 && birth <= limit;
    }

    // Removes all whitespace (half, full-width and NBSP), maps full-width forms and upper-cases x.
    private static string Clean(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = ChineseText.ToHalfWidth(raw);
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                continue;
            }

            sb.Append(c == 'x' ? 'X' : c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^[0-9](\.[0-9]+)?E\+?[0-9]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScientificPattern();
}
