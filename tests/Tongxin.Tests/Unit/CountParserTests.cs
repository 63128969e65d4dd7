using Tongxin.Common.Validation;

namespace Tongxin.Tests.Unit;

public class CountParserTests
{
    [Theory]
    [InlineData("3200", 3200)]
    [InlineData("3,200", 3200)]
    [InlineData("1,234,567", 1234567)]
    [InlineData(" 3 200 ", 3200)]
    [InlineData("３２００", 3200)]
    [InlineData("３，２００", 3200)]
    [InlineData("0", 0)]
    [InlineData("+15", 15)]
    [InlineData("3200.0", 3200)]
    public void Plain_numbers_with_separators_are_understood(string input, long expected) =>
        Assert.Equal(expected, Parse(input));

    [Theory]
    [InlineData("12.5万", 125_000)]
    [InlineData("1100万", 11_000_000)]
    [InlineData("1.2亿", 120_000_000)]
    [InlineData("3千", 3_000)]
    [InlineData("2千万", 20_000_000)]
    [InlineData("10w", 100_000)]
    [InlineData("10W", 100_000)]
    [InlineData("1.5k", 1_500)]
    [InlineData("1.5K", 1_500)]
    [InlineData("2.5m", 2_500_000)]
    [InlineData("１２．５万", 125_000)]
    [InlineData("12.5 万", 125_000)]
    [InlineData("10万+", 100_000)]
    public void Chinese_and_latin_units_are_understood(string input, long expected) =>
        Assert.Equal(expected, Parse(input));

    [Fact]
    public void Fractional_counts_with_a_unit_are_rounded() => Assert.Equal(12_346, Parse("1.23456万"));

    [Fact]
    public void Excel_scientific_notation_is_understood() => Assert.Equal(1_200_000_000_000_000, Parse("1.2E+15"));

    [Theory]
    [InlineData("-5")]
    [InlineData("－5")]
    [InlineData("-1.2万")]
    public void Negative_values_are_rejected(string input) => Assert.Equal("数值不能为负数", Error(input));

    [Theory]
    [InlineData("abc")]
    [InlineData("12x")]
    [InlineData("万")]
    [InlineData("1.2.3")]
    [InlineData("12万万")]
    [InlineData("3200人")]
    [InlineData("--5")]
    public void Junk_is_rejected(string input) => Assert.Equal("数值格式不正确", Error(input));

    [Fact]
    public void Fraction_without_a_unit_is_not_a_count() => Assert.Equal("数值应为整数", Error("3.5"));

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("999999999999亿")]
    public void Values_beyond_long_are_rejected(string input) => Assert.Equal("数值过大", Error(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_input_is_an_error_without_exception(string? input) => Assert.Equal("数值不能为空", Error(input));

    [Fact]
    public void Parse_returns_a_result_object()
    {
        Assert.Equal(new CountCheck(true, 3200, null), CountParser.Parse("3,200"));
        Assert.False(CountParser.Parse("x").IsValid);
    }

    private static long Parse(string input)
    {
        Assert.True(CountParser.TryParse(input, out var value, out var error), error);
        return value;
    }

    private static string Error(string? input)
    {
        Assert.False(CountParser.TryParse(input, out var value, out var error));
        Assert.Equal(0, value);
        return error!;
    }
}
