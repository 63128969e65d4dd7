using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Tongxin.Common.Auth;

/// <summary>
/// Refuses passwords from a shipped list of common ones, and trivial ones (one repeated character,
/// containing the user name), per current guidance instead of composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var error = Check(password, user.UserName);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = error }));
    }

    /// <summary>Null when acceptable, else the Chinese reason.</summary>
    public static string? Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password)) return "请输入密码";
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower)) return "该密码过于常见，请换一个";
        if (password.Distinct().Count() <= 2) return "密码过于简单，请换一个";
        if (!string.IsNullOrEmpty(userName) && userName.Length >= 3 && lower.Contains(userName.ToLowerInvariant()))
            return "密码不能包含用户名";
        if (IsSequence(password)) return "密码不能是连续的字符";
        return null;
    }

    private static bool IsSequence(string s)
    {
        if (s.Length < 4) return false;
        var up = true; var down = true;
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] != s[i - 1] + 1) up = false;
            if (s[i] != s[i - 1] - 1) down = false;
        }
        return up || down;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tongxin.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
