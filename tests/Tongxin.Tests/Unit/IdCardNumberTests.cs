using Tongxin.Common.Validation;

namespace Tongxin.Tests.Unit;

public class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static IdCardCheck Parse(string? input, bool numeric = false) => IdCardNumber.Parse(input, numeric, Today);

    // Builds a valid number with an independent implementation of the GB 11643 check digit.
    private static string WithCheckDigit(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Theory]
    [InlineData("11010519491231002X")] // the example number of GB 11643
    [InlineData("51050219900101123X")]
    [InlineData("320106198512310040")]
    [InlineData("510502199001011213")]
    public void Valid_numbers_are_accepted(string number)
    {
        var check = Parse(number);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(number, check.Number);
        Assert.Null(check.Error);
    }

    [Fact]
    public void Helper_check_digit_agrees_with_the_standard_example() =>
        Assert.Equal("11010519491231002X", WithCheckDigit("11010519491231002"));

    [Fact]
    public void Check_digit_is_computed_with_gb_11643_weights()
    {
        Assert.Equal('X', IdCardNumber.CheckDigit("11010519491231002"));
        Assert.Equal('0', IdCardNumber.CheckDigit("32010619851231004"));
    }

    [Fact]
    public void Lowercase_x_check_digit_is_accepted()
    {
        var check = Parse("11010519491231002x");
        Assert.True(check.IsValid);
        Assert.Equal("11010519491231002X", check.Number);
    }

    [Fact]
    public void Full_width_digits_and_spaces_are_accepted()
    {
        var check = Parse(" １１０１０５　1949 1231 002Ｘ ");
        Assert.True(check.IsValid, check.Error);
        Assert.Equal("11010519491231002X", check.Number);
    }

    [Fact]
    public void Birth_date_and_gender_are_derived()
    {
        var male = Parse("11010519491231002X");
        Assert.Equal(new DateOnly(1949, 12, 31), male.BirthDate);
        Assert.Equal("女", male.Gender); // 17th digit 2 is even

        var other = Parse("51050219900101123X");
        Assert.Equal(new DateOnly(1990, 1, 1), other.BirthDate);
        Assert.Equal("男", other.Gender); // 17th digit 3 is odd
    }

    [Fact]
    public void Wrong_check_digit_is_rejected()
    {
        var check = Parse("110105194912310021");
        Assert.False(check.IsValid);
        Assert.Equal("身份证号校验位不正确", check.Error);
        Assert.Null(check.Number);
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X1")]
    [InlineData("1234")]
    public void Wrong_length_is_rejected(string input) => Assert.Equal("身份证号应为18位", Parse(input).Error);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_is_rejected_without_exception(string? input) =>
        Assert.Equal("身份证号不能为空", Parse(input).Error);

    [Theory]
    [InlineData("1101051949123X002X")]
    [InlineData("11010519491231002Y")]
    [InlineData("11010519491231002-")]
    public void Letters_inside_the_number_are_rejected(string input) =>
        Assert.Equal("身份证号含有无效字符", Parse(input).Error);

    [Theory]
    [InlineData("00010519491231002")]
    [InlineData("10010519491231002")]
    [InlineData("99010519491231002")]
    [InlineData("84010519491231002")]
    public void Unknown_region_prefix_is_rejected(string first17) =>
        Assert.Equal("身份证号前两位地区代码无效", Parse(WithCheckDigit(first17)).Error);

    [Theory]
    [InlineData("81000019900101001")] // Hong Kong residents' residence permit
    [InlineData("82000019900101001")] // Macao
    [InlineData("83000019900101002")] // Taiwan
    [InlineData("65010219900101001")]
    public void Residence_permit_and_western_region_prefixes_are_accepted(string first17) =>
        Assert.True(Parse(WithCheckDigit(first17)).IsValid);

    [Theory]
    [InlineData("51050219900230123")] // 30 February
    [InlineData("51050219901301123")] // month 13
    [InlineData("51050218991231123")] // before 1900
    [InlineData("51050220250602123")] // after "today"
    [InlineData("51050219900100123")] // day 0
    public void Impossible_birth_dates_are_rejected(string first17) =>
        Assert.Equal("身份证号中的出生日期无效", Parse(WithCheckDigit(first17)).Error);

    [Fact]
    public void Leap_day_birth_date_is_accepted() =>
        Assert.Equal(new DateOnly(2000, 2, 29), Parse(WithCheckDigit("51050220000229123")).BirthDate);

    [Fact]
    public void Birth_date_of_today_is_accepted() =>
        Assert.True(Parse(WithCheckDigit("51050220250601123")).IsValid);

    [Fact]
    public void Old_15_digit_number_is_converted_to_18()
    {
        var check = Parse("510502900101123");
        Assert.True(check.IsValid, check.Error);
        Assert.Equal("51050219900101123X", check.Number);
        Assert.True(check.ConvertedFrom15);
        Assert.Equal(new DateOnly(1990, 1, 1), check.BirthDate);
        Assert.Equal("男", check.Gender);
    }

    [Fact]
    public void Old_15_digit_number_with_bad_date_is_rejected() =>
        Assert.Equal("身份证号中的出生日期无效", Parse("510502901301123").Error);

    [Fact]
    public void Old_15_digit_number_from_a_numeric_cell_is_fine() =>
        Assert.True(Parse("510502900101123", numeric: true).IsValid);

    [Theory]
    [InlineData("5.10502199001011E+17")]
    [InlineData("5.10502199001011e+17")]
    [InlineData("5.10502E17")]
    public void Excel_scientific_notation_is_reported_as_lost_digits(string input) =>
        Assert.Equal("身份证号被 Excel 转成了数字，后几位已丢失，请将该列设为文本后重新填写", Parse(input).Error);

    [Theory]
    [InlineData("510502199001011000")]
    [InlineData("510502199001011000.0")]
    [InlineData("51050219900101123")] // 17 digits: the X was never there
    public void Long_number_from_a_numeric_cell_is_reported_as_lost_digits(string input) =>
        Assert.Equal(IdCardNumber.ExcelNumberMessage, Parse(input, numeric: true).Error);

    [Fact]
    public void Number_ending_in_000_with_a_wrong_check_digit_is_reported_as_an_excel_loss() =>
        Assert.Equal(IdCardNumber.ExcelNumberMessage, Parse("510502199001011000").Error);

    [Fact]
    public void Genuine_number_ending_in_000_is_accepted()
    {
        // Sequence 000 with a check digit of 0 really exists; only a numeric cell makes it suspect.
        Assert.Equal("510502199001030000", WithCheckDigit("51050219900103000"));
        Assert.True(Parse("510502199001030000").IsValid);
        Assert.Equal(IdCardNumber.ExcelNumberMessage, Parse("510502199001030000", numeric: true).Error);
    }

    [Fact]
    public void Mask_keeps_first_6_and_last_4() =>
        Assert.Equal("510502********123X", IdCardNumber.Mask("51050219900101123X"));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("12345", "***45")]
    public void Mask_of_short_or_missing_values_reveals_little(string? input, string expected) =>
        Assert.Equal(expected, IdCardNumber.Mask(input));
}
