using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tongxin.Common.Text;

namespace Tongxin.Common.Validation;

/// <summary>Outcome of <see cref="CountParser.Parse"/>.</summary>
public readonly record struct CountCheck(bool IsValid, long Value, string? Error);

/// <summary>
/// Metric counts as people write them: 3,200 / 3 200 / 12.5万 / 1100万 / 1.2亿 / 10w / 1.5k / 10万+ /
/// full-width digits.
/// </summary>
public static partial class CountParser
{
    public const string EmptyMessage = "数值不能为空";
    public const string NegativeMessage = "数值不能为负数";
    public const string FormatMessage = "数值格式不正确";
    public const string NotIntegerMessage = "数值应为整数";
    public const string TooLargeMessage = "数值过大";

    public static CountCheck Parse(string? input) =>
        TryParse(input, out var value, out var error) ? new CountCheck(true, value, null) : new CountCheck(false, 0, error);

    public static bool TryParse(string? input, out long value, out string? error)
    {
        value = 0;
        var sb = new StringBuilder();
        foreach (var raw in ChineseText.ToHalfWidth(input))
        {
            // Thousands separators and spaces (including "3 200") carry no value.
            if (!char.IsWhiteSpace(raw) && raw is not ',' and not '、' and not '\u200B' and not '\uFEFF')
            {
                sb.Append(char.ToLowerInvariant(raw));
            }
        }

        var text = sb.ToString();
        if (text.Length == 0)
        {
            error = EmptyMessage;
            return false;
        }

        var match = CountPattern().Match(text);
        if (!match.Success)
        {
            error = FormatMessage;
            return false;
        }

        if (match.Groups["sign"].Value is "-" or "−")
        {
            error = NegativeMessage;
            return false;
        }

        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = FormatMessage;
            return false;
        }

        var unit = match.Groups["unit"].Value;
        decimal multiplier = unit switch
        {
            "" => 1m,
            "k" or "千" => 1_000m,
            "w" or "万" => 10_000m,
            "m" or "百万" => 1_000_000m,
            "千万" => 10_000_000m,
            "亿" => 100_000_000m,
            _ => 0m,
        };
        if (multiplier == 0m)
        {
            error = FormatMessage;
            return false;
        }

        decimal result;
        try
        {
            result = number * multiplier;
        }
        catch (OverflowException)
        {
            error = TooLargeMessage;
            return false;
        }

        if (unit.Length == 0 && result != decimal.Truncate(result))
        {
            error = NotIntegerMessage;
            return false;
        }

        // 12.345万 is an approximation anyway; round to the nearest whole count.
        result = decimal.Round(result, MidpointRounding.AwayFromZero);
        if (result > long.MaxValue)
        {
            error = TooLargeMessage;
            return false;
        }

        value = (long)result;
        error = null;
        return true;
    }

    // Optional sign, a decimal number (or Excel's 1.2E+15), an optional unit, an optional "+" ("10万+").
    [GeneratedRegex(
        @"^(?<sign>[-+−])?(?<number>[0-9]+(?:\.[0-9]+)?(?:e\+?[0-9]+)?|\.[0-9]+)(?<unit>[a-z]|千万|百万|[千万亿])?\+?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CountPattern();
}
