using System.Globalization;
using System.Text.RegularExpressions;
using Tongxin.Common.Text;

namespace Tongxin.Common.Validation;

public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>
/// A date that keeps the precision it was given in: 1990.05 and 1990年5月 are months, not invented days.
/// Orders by year, then month, then day, a less precise date before a more precise one of the same period.
/// </summary>
public readonly partial record struct PartialDate : IComparable<PartialDate>, IComparable
{
    public const string EmptyMessage = "日期不能为空";

    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    /// <summary>1–12; null for a year-precision date.</summary>
    public int? Month { get; }

    /// <summary>1–31; null unless the precision is <see cref="DatePrecision.Day"/>.</summary>
    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>First day of the period the date stands for.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Last day of the period the date stands for.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Day => FirstDay,
        DatePrecision.Month => FirstDay.AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate OfDay(int year, int month, int day)
    {
        _ = new DateOnly(year, month, day); // throws for a day that does not exist
        return new PartialDate(year, month, day);
    }

    public static PartialDate OfMonth(int year, int month)
    {
        _ = new DateOnly(year, month, 1);
        return new PartialDate(year, month, null);
    }

    public static PartialDate OfYear(int year)
    {
        _ = new DateOnly(year, 1, 1);
        return new PartialDate(year, null, null);
    }

    public static PartialDate From(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>The date part of a <see cref="DateTime"/> (Excel date cells arrive as DateTime).</summary>
    public static PartialDate From(DateTime dateTime) => From(DateOnly.FromDateTime(dateTime));

    /// <summary>
    /// Parses text: 1990-05-01, 1990/5/1, 1990.5.1, 1990.05, 1990-05, 1990年5月, 1990年5月1日, 19900501,
    /// 199005, 1990, full-width digits, with an optional trailing time that is ignored.
    /// </summary>
    public static bool TryParse(string? input, out PartialDate value, out string? error) =>
        TryParse(input, fromNumericCell: false, out value, out error);

    /// <summary>
    /// As <see cref="TryParse(string?, out PartialDate, out string?)"/>; with <paramref name="fromNumericCell"/>
    /// the text is the value of a numeric Excel cell and goes through <see cref="TryFromNumber"/>.
    /// </summary>
    public static bool TryParse(string? input, bool fromNumericCell, out PartialDate value, out string? error)
    {
        value = default;
        var text = ChineseText.Normalize(input);
        if (text.Length == 0)
        {
            error = EmptyMessage;
            return false;
        }

        if (fromNumericCell)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return TryFromNumber(number, out value, out error);
            }

            // Not a number after all: fall through to the text formats.
        }

        // "1990 年 5 月", "1990 / 5 / 1": spaces around separators carry no meaning.
        text = SeparatorSpaces().Replace(text, "$1");
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            match = CompactPattern().Match(text);
        }

        if (!match.Success)
        {
            error = $"日期格式不正确：{text}";
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        return TryCreate(year, month, day, text, out value, out error);
    }

    /// <summary>
    /// Interprets the value of a numeric Excel cell: 19900501 and 199005 as written, 1990 as a year,
    /// 1990.05 as a month (1990.1 is refused: Excel shows 1990.10 as 1990.1, so January and October
    /// cannot be told apart), other values as Excel date serial numbers.
    /// </summary>
    public static bool TryFromNumber(double number, out PartialDate value, out string? error)
    {
        value = default;
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (double.IsNaN(number) || double.IsInfinity(number) || number <= 0)
        {
            error = $"日期格式不正确：{shown}";
            return false;
        }

        var whole = Math.Floor(number);
        if (number == whole)
        {
            var n = (long)whole;
            if (n is >= 10000101 and <= 99991231)
            {
                return TryCreate((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100), shown, out value, out error);
            }

            if (n is >= 100001 and <= 999912)
            {
                return TryCreate((int)(n / 100), (int)(n % 100), null, shown, out value, out error);
            }

            if (n is >= 1900 and <= 2100)
            {
                return TryCreate((int)n, null, null, shown, out value, out error);
            }
        }
        else if (whole is >= 1900 and <= 2100)
        {
            // Typed as yyyy.mm; the shortest round-trip text shows what the user saw.
            var fraction = shown[(shown.IndexOf('.') + 1)..];
            if (fraction == "1")
            {
                error = $"日期格式不正确：{shown}（无法区分1月和10月，请将该列设为文本后填写，如 1990.10）";
                return false;
            }

            if (fraction.Length is 1 or 2)
            {
                return TryCreate((int)whole, int.Parse(fraction, CultureInfo.InvariantCulture), null, shown, out value, out error);
            }

            error = $"日期格式不正确：{shown}";
            return false;
        }

        return TryFromExcelSerial(number, out value, out error);
    }

    /// <summary>Converts an Excel serial day number (1900 date system, time of day ignored).</summary>
    public static PartialDate FromExcelSerial(double serial) =>
        TryFromExcelSerial(serial, out var value, out var error)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(serial), serial, error);

    /// <summary>Converts an Excel serial day number (1900 date system, time of day ignored).</summary>
    public static bool TryFromExcelSerial(double serial, out PartialDate value, out string? error)
    {
        value = default;
        // 2958465 is 9999-12-31, Excel's last date.
        if (double.IsNaN(serial) || serial < 1 || serial >= 2958466)
        {
            error = $"日期格式不正确：{serial.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        var days = (int)Math.Floor(serial);
        if (days == 60)
        {
            // Excel's fictitious 1900-02-29 (kept for Lotus 1-2-3 compatibility).
            error = "日期不存在：1900-02-29";
            return false;
        }

        // Serials after the fictitious leap day are one ahead, hence the two epochs.
        var epoch = days > 60 ? new DateOnly(1899, 12, 30) : new DateOnly(1899, 12, 31);
        value = From(epoch.AddDays(days));
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="date"/> lies in the period this date stands for.</summary>
    public bool Contains(DateOnly date) =>
        date.Year == Year && (Month is null || date.Month == Month) && (Day is null || date.Day == Day);

    /// <summary>
    /// Whether this (possibly partial) date agrees with an exact date such as the birth date in an
    /// ID number: a month-precision date agrees when year and month match.
    /// </summary>
    public bool AgreesWith(DateOnly date) => Contains(date);

    /// <summary>"yyyy-MM-dd", "yyyy-MM" or "yyyy" by precision; <see cref="TryParse(string?, out PartialDate, out string?)"/> reads it back.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public int CompareTo(PartialDate other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = (Month ?? 0).CompareTo(other.Month ?? 0);
        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a PartialDate.", nameof(obj)),
    };

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private static bool TryCreate(int year, int? month, int? day, string shown, out PartialDate value, out string? error)
    {
        value = default;
        if (year is < 1000 or > 9999)
        {
            error = $"日期格式不正确：{shown}";
            return false;
        }

        if (month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value))))
        {
            error = $"日期不存在：{shown}";
            return false;
        }

        value = new PartialDate(year, month, day);
        error = null;
        return true;
    }

    // Separated forms; the text is matched as a whole so "1990.10" is October, never a number.
    // An optional time such as " 00:00:00" or "T08:30" (text copies of Excel date cells) is ignored.
    [GeneratedRegex(
        @"^(?<y>[0-9]{4})(?:(?:[-/.](?<m>[0-9]{1,2})(?:[-/.](?<d>[0-9]{1,2}))?)|(?:年(?:(?<m>[0-9]{1,2})月(?:(?<d>[0-9]{1,2})[日号]?)?)?))?(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\s*([-/.年月日号])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorSpaces();

    // Digits only: yyyyMMdd or yyyyMM.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CompactPattern();
}
