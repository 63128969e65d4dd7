using System.Globalization;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Imports;

/// <summary>
/// Turns raw cell values (string, double, DateTime, bool) into the text the shared rules expect,
/// undoing what Excel and our own export do to values: numbers for digits, date serials, the
/// leading <c>'</c> that neutralizes formulas.
/// </summary>
public static class CellReader
{
    /// <summary>Plain text of a cell; null when blank.</summary>
    public static string? Text(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => SpreadsheetText.Unneutralize(s.Trim()),
            double d => Number(d),
            float f => Number(f),
            int or long or decimal => Convert.ToString(cell, CultureInfo.InvariantCulture),
            DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>
    /// A date as "yyyy-MM-dd" / "yyyy-MM" / "yyyy": Excel date cells as dates, numeric cells as
    /// 19900501 / 1990.05 / serials; text is passed on for the shared rules to parse.
    /// </summary>
    public static string? Date(object? cell, out string? error)
    {
        error = null;
        switch (cell)
        {
            case DateTime dt:
                return PartialDate.From(dt).ToString();
            case double d:
                if (PartialDate.TryFromNumber(d, out var value, out error)) return value.ToString();
                return null;
            default:
                return Text(cell);
        }
    }

    /// <summary>
    /// An ID number; a numeric cell goes through the lost-digits check. A masked value (with *), as
    /// our export writes, means "not given" and is skipped.
    /// </summary>
    public static string? IdNumber(object? cell, out string? error)
    {
        error = null;
        if (cell is double d)
        {
            var check = IdCardNumber.Parse(d.ToString("R", CultureInfo.InvariantCulture), fromNumericCell: true);
            if (!check.IsValid) { error = check.Error; return null; }
            return check.Number;
        }
        var text = Text(cell);
        return text is null || IsMasked(text) ? null : text;
    }

    /// <summary>A phone number; a masked value (138****5678) is skipped.</summary>
    public static string? Phone(object? cell)
    {
        var text = Text(cell);
        return text is null || IsMasked(text) ? null : text;
    }

    /// <summary>A metric count: 3,200 / 12.5万 / 1100万 / full-width digits; null when blank.</summary>
    public static long? Count(object? cell, out string? error)
    {
        error = null;
        if (cell is double d)
        {
            if (d < 0) { error = CountParser.NegativeMessage; return null; }
            if (d != Math.Floor(d)) { error = CountParser.NotIntegerMessage; return null; }
            if (d > long.MaxValue) { error = CountParser.TooLargeMessage; return null; }
            return (long)d;
        }
        var text = Text(cell);
        if (text is null) return null;
        if (CountParser.TryParse(text, out var value, out error)) return value;
        return null;
    }

    /// <summary>Splits list cells (tags, several platforms or handles) on 、 , ， ; ；.</summary>
    public static List<string> List(string? text) =>
        text is null ? [] : ChineseText.Normalize(text).Split(['、', ',', ';', '，', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static bool IsMasked(string text) => text.Contains('*') || text.Contains('＊');

    // Whole numbers as digits (phone numbers typed into numeric cells), others as the shortest round-trip text.
    private static string Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
}
