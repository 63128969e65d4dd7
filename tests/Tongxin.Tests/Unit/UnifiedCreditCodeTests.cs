using Tongxin.Common.Validation;

namespace Tongxin.Tests.Unit;

public class UnifiedCreditCodeTests
{
    // Check characters verified with an independent implementation of GB 32100-2015.
    [Theory]
    [InlineData("91350100M000100Y43")] // the example code used in the standard's guidance
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    [InlineData("91330100716105852F")]
    [InlineData("91110000802100433B")]
    [InlineData("11100000000013127D")] // a government body (category 1)
    [InlineData("12100000400000624D")] // a public institution (category 1, type 2)
    public void Valid_codes_are_accepted(string code)
    {
        var check = UnifiedCreditCode.Parse(code);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(code, check.Code);
    }

    [Fact]
    public void Check_character_is_computed_mod_31() =>
        Assert.Equal('3', UnifiedCreditCode.CheckChar("91350100M000100Y4"));

    [Fact]
    public void Lower_case_full_width_and_spaces_are_normalized()
    {
        var check = UnifiedCreditCode.Parse(" 9144 0300 7152 6726ｘｇ ");
        Assert.True(check.IsValid, check.Error);
        Assert.Equal("9144030071526726XG", check.Code);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("9135")]
    public void Wrong_length_is_rejected(string input) =>
        Assert.Equal("统一社会信用代码应为18位", UnifiedCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100I000100Y43")] // I is not used
    [InlineData("91350100O000100Y43")] // O is not used
    [InlineData("91350100S000100Y43")]
    [InlineData("91350100V000100Y43")]
    [InlineData("91350100Z000100Y43")]
    [InlineData("91350100-000100Y43")]
    public void Characters_outside_the_alphabet_are_rejected(string input) =>
        Assert.Equal("统一社会信用代码含有无效字符", UnifiedCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("914403001922038217")]
    [InlineData("91310000MA1FL5LX3E")]
    public void Wrong_check_character_is_rejected(string input) =>
        Assert.Equal("统一社会信用代码校验位不正确", UnifiedCreditCode.Parse(input).Error);

    [Fact]
    public void Swapped_characters_are_caught()
    {
        // 9144030019 → 9144030091: the weighted sum catches transpositions.
        Assert.False(UnifiedCreditCode.Parse("914403009122038216").IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_input_is_rejected_without_exception(string? input) =>
        Assert.Equal("统一社会信用代码不能为空", UnifiedCreditCode.Parse(input).Error);
}
