using Microsoft.AspNetCore.Identity;

namespace Tongxin.Common.Auth;

/// <summary>
/// Refuses guessable passwords: a zxcvbn strength estimate below 3 (keyboard walks, dates, names, words with
/// digits), any password containing the product's name (tongxin, 同心), and the published demo password. The demo
/// users get that password from the demo seeder directly (not through this policy) and are deleted with the demo
/// data, so it works only while demo data exists; no one can choose it. The web pages show the same estimate
/// (@zxcvbn-ts) as the user types.
/// </summary>
public sealed class StrengthPasswordValidator : IPasswordValidator<AppUser>
{
    /// <summary>The demo users' password (published in the README): never accepted as a chosen password.</summary>
    public const string DemoPassword = "Tongxin-Demo-2026";
    public const int MinimumScore = 3;
    private static readonly string[] ProductNames = ["tongxin", "同心"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var error = Check(password, user.UserName, user.DisplayName);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = error }));
    }

    /// <summary>Null when acceptable, else the Chinese reason.</summary>
    public static string? Check(string? password, string? userName = null, string? displayName = null)
    {
        if (string.IsNullOrEmpty(password)) return "请输入密码";
        if (password == DemoPassword) return "不能使用公开的演示密码";
        var folded = password.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (ProductNames.Any(n => folded.Contains(n, StringComparison.Ordinal))) return "密码不能包含系统名称（tongxin 或 同心）";
        var inputs = new List<string>(ProductNames) { "tongxin2026", "demo" };
        if (!string.IsNullOrEmpty(userName)) inputs.Add(userName);
        if (!string.IsNullOrEmpty(displayName)) inputs.Add(displayName);
        // zxcvbn is costly for very long input and does not get weaker with length: estimate the first 100 characters.
        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password.Length > 100 ? password[..100] : password, inputs);
        if (estimate.Score < MinimumScore)
            return "密码强度不足：请避免键盘顺序、日期、姓名和常见词加数字，可用几个不相关的词组成较长的密码";
        return null;
    }
}
