using Tongxin.Common.Text;

namespace Tongxin.Tests.Unit;

public class ChineseTextTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("ｈｅｌｌｏ，ｗｏｒｌｄ！", "hello,world!")]
    [InlineData("（１）", "(1)")]
    [InlineData("～", "~")]
    public void Full_width_ascii_becomes_half_width(string input, string expected) =>
        Assert.Equal(expected, ChineseText.Normalize(input));

    [Fact]
    public void Ideographic_space_becomes_a_space() => Assert.Equal("王 逸", ChineseText.Normalize("王\u3000逸"));

    [Theory]
    [InlineData("  王逸  ", "王逸")]
    [InlineData("王  \t 逸", "王 逸")]
    [InlineData("\u3000\u3000王逸\u3000", "王逸")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("a\u00A0b", "a b")]
    public void Whitespace_is_trimmed_and_collapsed(string input, string expected) =>
        Assert.Equal(expected, ChineseText.Normalize(input));

    [Fact]
    public void Zero_width_characters_are_removed() => Assert.Equal("王逸", ChineseText.Normalize("\uFEFF王\u200B逸"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Null_and_blank_give_empty_string(string? input) => Assert.Equal("", ChineseText.Normalize(input));

    [Fact]
    public void Chinese_punctuation_that_is_not_full_width_ascii_is_kept() =>
        Assert.Equal("你好。“同心”、《章程》", ChineseText.Normalize("你好。“同心”、《章程》"));

    [Fact]
    public void ToHalfWidth_changes_width_only() => Assert.Equal("A  B", ChineseText.ToHalfWidth("Ａ\u3000 Ｂ"));
}
