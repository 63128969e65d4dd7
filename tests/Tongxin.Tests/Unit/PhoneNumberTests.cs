using Tongxin.Common.Validation;

namespace Tongxin.Tests.Unit;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData(" (+86) 138-1234-5678 ")]
    public void Mobile_numbers_in_common_shapes_are_normalized(string input)
    {
        var check = PhoneNumber.Parse(input);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PhoneKind.Mobile, check.Kind);
        Assert.Equal("13812345678", check.Number);
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    [InlineData("14712345678")]
    public void Newer_mobile_prefixes_are_accepted(string input) =>
        Assert.Equal(PhoneKind.Mobile, PhoneNumber.Parse(input).Kind);

    [Theory]
    [InlineData("12812345678")] // 12x is not a mobile prefix
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("23812345678")]
    [InlineData("1381234567a")]
    [InlineData("电话13812345678")]
    [InlineData("+1 415 555 0100")]
    public void Malformed_numbers_are_rejected(string input)
    {
        var check = PhoneNumber.Parse(input);
        Assert.False(check.IsValid);
        Assert.Equal(PhoneKind.Invalid, check.Kind);
        Assert.Equal("手机号码格式不正确", check.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_is_rejected_without_exception(string? input) =>
        Assert.Equal("电话号码不能为空", PhoneNumber.Parse(input).Error);

    [Theory]
    [InlineData("0830-2345678", "0830", "2345678", null)]
    [InlineData("(0830)2345678", "0830", "2345678", null)]
    [InlineData("08302345678", "0830", "2345678", null)]
    [InlineData("010-62345678", "010", "62345678", null)]
    [InlineData("01062345678", "010", "62345678", null)]
    [InlineData("021 6234 5678", "021", "62345678", null)]
    [InlineData("0830-2345678-801", "0830", "2345678", "801")]
    [InlineData("0830-2345678转801", "0830", "2345678", "801")]
    [InlineData("0830-2345678 ext. 12", "0830", "2345678", "12")]
    [InlineData("010-62345678#6", "010", "62345678", "6")]
    [InlineData("+86 830 2345678", "0830", "2345678", null)]
    [InlineData("+86 10 62345678", "010", "62345678", null)]
    public void Landlines_are_accepted_as_landlines(string input, string area, string local, string? extension)
    {
        var check = PhoneNumber.Parse(input);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PhoneKind.Landline, check.Kind);
        Assert.Equal(area, check.AreaCode);
        Assert.Equal(local, check.LocalNumber);
        Assert.Equal(extension, check.Extension);
    }

    [Fact]
    public void Landline_number_is_normalized_with_dashes()
    {
        Assert.Equal("0830-2345678", PhoneNumber.Parse("(0830) 234 5678").Number);
        Assert.Equal("0830-2345678-801", PhoneNumber.Parse("0830 2345678 转 801").Number);
    }

    [Theory]
    [InlineData("0830-234567")] // local number too short
    [InlineData("0830-623456789")] // too long
    [InlineData("0830-0234567")] // local numbers never start with 0
    [InlineData("0830-1234567")] // or with 1 (service numbers)
    [InlineData("1234567")] // no area code
    [InlineData("0830-2345678转")] // extension marker without digits
    [InlineData("13812345678转8")] // mobiles have no extensions
    public void Malformed_landlines_are_rejected(string input) =>
        Assert.False(PhoneNumber.Parse(input).IsValid);

    [Fact]
    public void Mobile_is_masked_in_the_middle() => Assert.Equal("138****5678", PhoneNumber.Mask("+86 138-1234-5678"));

    [Fact]
    public void Landline_mask_keeps_area_code_and_last_two() =>
        Assert.Equal("0830-*****78", PhoneNumber.Mask("0830-2345678"));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("abc123", "****23")]
    public void Mask_of_unparseable_values_reveals_only_the_end(string? input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Mask(input));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("138 1234 5678", false)]
    [InlineData(null, false)]
    public void IsMobile_checks_normalized_numbers(string? input, bool expected) =>
        Assert.Equal(expected, PhoneNumber.IsMobile(input));
}
