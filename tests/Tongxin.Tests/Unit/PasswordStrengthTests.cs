using Tongxin.Common.Auth;

namespace Tongxin.Tests.Unit;

/// <summary>The strength policy: zxcvbn score 3 or more, never the product's name or the demo password.</summary>
public sealed class PasswordStrengthTests
{
    [Theory]
    [InlineData("qwertyuiop12")]
    [InlineData("tongxin12345")]
    [InlineData("Tongxin-Demo-2026")]
    [InlineData("我的同心密码很长很长abc")]
    [InlineData("TONGXIN-is-great-77")]
    [InlineData("password1234")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("zhangsan19850101")]
    [InlineData("abcabcabcabc")]
    public void Weak_or_named_passwords_are_refused_in_chinese(string password)
    {
        var error = StrengthPasswordValidator.Check(password, "zhangsan");
        Assert.NotNull(error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error);
    }

    [Theory]
    [InlineData("Correct-Horse-Battery-9")]
    [InlineData("Root-Password-For-Tests-1")]
    [InlineData("Another-Long-Passphrase-42")]
    [InlineData("A-New-Long-Passphrase-9")]
    [InlineData("Initial-Password-77")]
    [InlineData("A-much-better-passphrase")]
    [InlineData("Member-Password-2026")]
    [InlineData("river plum lantern 58 quietly")]
    public void Strong_passwords_pass(string password) => Assert.Null(StrengthPasswordValidator.Check(password, "someone"));
}
