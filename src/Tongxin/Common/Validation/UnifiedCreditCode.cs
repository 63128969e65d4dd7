using System.Text;
using Tongxin.Common.Text;

namespace Tongxin.Common.Validation;

/// <summary>Outcome of <see cref="UnifiedCreditCode.Parse"/>.</summary>
public sealed record CreditCodeCheck
{
    private CreditCodeCheck()
    {
    }

    public bool IsValid => Error is null;

    /// <summary>Normalized 18-character upper-case code, when valid.</summary>
    public string? Code { get; private init; }

    /// <summary>Chinese message for the user, when invalid.</summary>
    public string? Error { get; private init; }

    internal static CreditCodeCheck Ok(string code) => new() { Code = code };

    internal static CreditCodeCheck Fail(string error) => new() { Error = error };
}

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character.</summary>
public static class UnifiedCreditCode
{
    public const string EmptyMessage = "统一社会信用代码不能为空";
    public const string LengthMessage = "统一社会信用代码应为18位";
    public const string CharactersMessage = "统一社会信用代码含有无效字符";
    public const string CheckCharMessage = "统一社会信用代码校验位不正确";

    // The standard leaves out I, O, S, V and Z so they are not confused with 1, 0, 5, U and 2.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Validates a code; spaces are removed, full-width forms and lower case accepted.</summary>
    public static CreditCodeCheck Parse(string? input)
    {
        var sb = new StringBuilder(18);
        foreach (var raw in input ?? string.Empty)
        {
            var c = ChineseText.ToHalfWidth(raw);
            if (!char.IsWhiteSpace(c) && c is not '\u200B' and not '\uFEFF')
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        var s = sb.ToString();
        if (s.Length == 0)
        {
            return CreditCodeCheck.Fail(EmptyMessage);
        }

        if (s.Length != 18)
        {
            return CreditCodeCheck.Fail(LengthMessage);
        }

        if (s.Any(c => Alphabet.IndexOf(c) < 0))
        {
            return CreditCodeCheck.Fail(CharactersMessage);
        }

        return CheckChar(s.AsSpan(0, 17)) == s[17]
            ? CreditCodeCheck.Ok(s)
            : CreditCodeCheck.Fail(CheckCharMessage);
    }

    /// <summary>Check character for the first 17 characters (which must come from the code alphabet).</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 characters are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }
}
