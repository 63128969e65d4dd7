using Tongxin.Common.Validation;

namespace Tongxin.Tests.Unit;

public class PartialDateTests
{
    private static PartialDate Parsed(string input)
    {
        Assert.True(PartialDate.TryParse(input, out var value, out var error), error);
        Assert.Null(error);
        return value;
    }

    private static string Error(string? input, bool numeric = false)
    {
        Assert.False(PartialDate.TryParse(input, numeric, out var value, out var error));
        Assert.Equal(default, value);
        return error!;
    }

    [Theory]
    [InlineData("1990-05-01")]
    [InlineData("1990/5/1")]
    [InlineData("1990.5.1")]
    [InlineData("1990-5-1")]
    [InlineData("1990/05/01")]
    [InlineData("1990年5月1日")]
    [InlineData("1990年05月01日")]
    [InlineData("1990年5月1号")]
    [InlineData("1990 年 5 月 1 日")]
    [InlineData("19900501")]
    [InlineData("１９９０－０５－０１")]
    [InlineData("１９９０年５月１日")]
    [InlineData(" 1990-05-01 ")]
    [InlineData("1990-05-01 00:00:00")]
    [InlineData("1990/5/1 0:00")]
    [InlineData("1990-05-01T08:30:00")]
    public void Day_precision_formats_are_understood(string input)
    {
        var date = Parsed(input);
        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal(PartialDate.OfDay(1990, 5, 1), date);
        Assert.Equal("1990-05-01", date.ToString());
    }

    [Theory]
    [InlineData("1990.05")]
    [InlineData("1990.5")]
    [InlineData("1990-05")]
    [InlineData("1990/05")]
    [InlineData("1990年5月")]
    [InlineData("1990年05月")]
    [InlineData("199005")]
    [InlineData("１９９０．０５")]
    public void Month_precision_formats_keep_month_precision(string input)
    {
        var date = Parsed(input);
        Assert.Equal(DatePrecision.Month, date.Precision);
        Assert.Equal(1990, date.Year);
        Assert.Equal(5, date.Month);
        Assert.Null(date.Day);
        Assert.Equal("1990-05", date.ToString());
    }

    [Fact]
    public void Dotted_1990_10_is_october_not_january()
    {
        Assert.Equal(PartialDate.OfMonth(1990, 10), Parsed("1990.10"));
        Assert.Equal(PartialDate.OfMonth(1990, 1), Parsed("1990.1"));
        Assert.Equal(PartialDate.OfMonth(1990, 1), Parsed("1990.01"));
    }

    [Theory]
    [InlineData("1990")]
    [InlineData("1990年")]
    public void Year_alone_is_year_precision(string input)
    {
        var date = Parsed(input);
        Assert.Equal(DatePrecision.Year, date.Precision);
        Assert.Null(date.Month);
        Assert.Equal("1990", date.ToString());
    }

    [Theory]
    [InlineData("1990-02-30")]
    [InlineData("1990-13")]
    [InlineData("1990.00")]
    [InlineData("19900230")]
    [InlineData("1990年2月29日")]
    [InlineData("1990-04-31")]
    public void Impossible_dates_are_reported_as_not_existing(string input) =>
        Assert.StartsWith("日期不存在", Error(input));

    [Fact]
    public void Leap_day_exists_in_leap_years() =>
        Assert.Equal(PartialDate.OfDay(2000, 2, 29), Parsed("2000-02-29"));

    [Theory]
    [InlineData("abc")]
    [InlineData("90-5-1")]
    [InlineData("1990-5-1-2")]
    [InlineData("5/1/1990")]
    [InlineData("1990年5")]
    [InlineData("1990--05")]
    [InlineData("0990-05-01")]
    [InlineData("1990-05-01 25点")]
    public void Unrecognized_text_is_a_format_error(string input)
    {
        var error = Error(input);
        Assert.StartsWith("日期格式不正确：", error);
        Assert.Contains(input.Trim(), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_input_is_an_error_without_exception(string? input) => Assert.Equal("日期不能为空", Error(input));

    [Theory]
    [InlineData(32874, 1990, 1, 1)]
    [InlineData(32994, 1990, 5, 1)]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(45658, 2025, 1, 1)]
    [InlineData(32994.75, 1990, 5, 1)] // the time of day is ignored
    public void Excel_serial_numbers_are_converted(double serial, int y, int m, int d) =>
        Assert.Equal(PartialDate.OfDay(y, m, d), PartialDate.FromExcelSerial(serial));

    [Fact]
    public void Excel_fictitious_leap_day_is_not_a_date()
    {
        Assert.False(PartialDate.TryFromExcelSerial(60, out _, out var error));
        Assert.StartsWith("日期不存在", error);
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromExcelSerial(60));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(3e6)]
    public void Out_of_range_serials_are_refused(double serial) =>
        Assert.False(PartialDate.TryFromExcelSerial(serial, out _, out _));

    [Theory]
    [InlineData("32994", "1990-05-01")]
    [InlineData("32994.0", "1990-05-01")]
    [InlineData("19900501", "1990-05-01")]
    [InlineData("199005", "1990-05")]
    [InlineData("1990", "1990")]
    [InlineData("1990.05", "1990-05")]
    [InlineData("1990.12", "1990-12")]
    [InlineData("1990.2", "1990-02")]
    public void Numeric_cells_are_read_by_their_shape(string cell, string expected)
    {
        Assert.True(PartialDate.TryParse(cell, fromNumericCell: true, out var value, out var error), error);
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void Numeric_cell_1990_1_is_refused_because_october_lost_its_zero()
    {
        var error = Error("1990.1", numeric: true);
        Assert.StartsWith("日期格式不正确：1990.1", error);
        Assert.Contains("10月", error);
    }

    [Fact]
    public void Text_of_a_numeric_cell_that_is_not_a_number_still_parses_as_text() =>
        Assert.True(PartialDate.TryParse("1990年5月", fromNumericCell: true, out _, out _));

    [Fact]
    public void Date_values_convert_with_day_precision()
    {
        Assert.Equal("1990-05-01", PartialDate.From(new DateOnly(1990, 5, 1)).ToString());
        Assert.Equal("1990-05-01", PartialDate.From(new DateTime(1990, 5, 1, 13, 45, 0)).ToString());
    }

    [Fact]
    public void ToString_round_trips_through_TryParse()
    {
        foreach (var date in new[] { PartialDate.OfDay(2001, 12, 9), PartialDate.OfMonth(1987, 3), PartialDate.OfYear(1960) })
        {
            Assert.Equal(date, Parsed(date.ToString()));
        }
    }

    [Fact]
    public void Dates_order_by_year_month_day_with_less_precise_first()
    {
        var sorted = new[] { "1990-05-01", "1990", "1989-12-31", "1990-05", "1990-04-30" }
            .Select(Parsed)
            .Order()
            .Select(d => d.ToString());
        Assert.Equal(["1989-12-31", "1990", "1990-04-30", "1990-05", "1990-05-01"], sorted);
        Assert.True(Parsed("1990-05") < Parsed("1990-06"));
        Assert.True(Parsed("1991") > Parsed("1990-12-31"));
    }

    [Fact]
    public void Month_precision_agrees_with_any_day_of_that_month()
    {
        var birth = new DateOnly(1990, 5, 17);
        Assert.True(Parsed("1990.05").AgreesWith(birth));
        Assert.True(Parsed("1990年5月17日").AgreesWith(birth));
        Assert.True(Parsed("1990").AgreesWith(birth));
        Assert.False(Parsed("1990.06").AgreesWith(birth));
        Assert.False(Parsed("1990-05-18").AgreesWith(birth));
        Assert.False(Parsed("1991-05").AgreesWith(birth));
    }

    [Fact]
    public void First_and_last_day_span_the_period()
    {
        Assert.Equal(new DateOnly(1992, 2, 1), Parsed("1992-02").FirstDay);
        Assert.Equal(new DateOnly(1992, 2, 29), Parsed("1992-02").LastDay);
        Assert.Equal(new DateOnly(1992, 12, 31), Parsed("1992").LastDay);
        Assert.Equal(new DateOnly(1992, 2, 3), Parsed("1992-02-03").LastDay);
    }

    [Fact]
    public void Factories_refuse_impossible_dates() =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => PartialDate.OfDay(1990, 2, 30));
}
