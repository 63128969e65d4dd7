using Tongxin.Common.Text;

namespace Tongxin.Tests.Unit;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A3)", "'=SUM(A1:A3)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    public void Formula_triggers_get_a_leading_quote(string input, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralize(input));

    [Theory]
    [InlineData("王逸")]
    [InlineData("a=b")]
    [InlineData("'plain")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_unchanged(string? input) => Assert.Equal(input, SpreadsheetText.Neutralize(input));

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'-5", "-5")]
    [InlineData("'@x", "@x")]
    public void Unneutralize_strips_the_added_quote(string input, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Unneutralize(input));

    [Theory]
    [InlineData("'plain")]
    [InlineData("王逸")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData(null)]
    public void Unneutralize_leaves_quotes_it_did_not_add(string? input) =>
        Assert.Equal(input, SpreadsheetText.Unneutralize(input));

    [Fact]
    public void Unneutralize_strips_exactly_one_quote() =>
        Assert.Equal("'=x", SpreadsheetText.Unneutralize("''=x"));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("'=1+1")]
    [InlineData("''=1+1")]
    [InlineData("'plain")]
    [InlineData("''")]
    [InlineData("-")]
    [InlineData("普通文本")]
    public void Export_then_import_gives_back_the_original(string original) =>
        Assert.Equal(original, SpreadsheetText.Unneutralize(SpreadsheetText.Neutralize(original)));
}
