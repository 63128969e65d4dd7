namespace Tongxin.Common.Text;

/// <summary>
/// Guards exported text cells against formula injection (CSV/Excel "= + - @" attacks) in a way the
/// importer can undo exactly, so an export re-imports to the same values.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Prefixes a <c>'</c> when the text starts with = + - @ tab or CR. Text that already starts with
    /// quotes followed by such a character gets one more quote, so <see cref="Unneutralize"/> is an exact inverse.
    /// </summary>
    public static string? Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return NeedsQuote(value) ? "'" + value : value;
    }

    /// <summary>Removes exactly one leading <c>'</c> that <see cref="Neutralize"/> would have added.</summary>
    public static string? Unneutralize(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '\'')
        {
            return value;
        }

        var rest = value[1..];
        return NeedsQuote(rest) ? rest : value;
    }

    /// <summary>True when the first character would make a spreadsheet treat the cell as a formula.</summary>
    public static bool IsFormulaTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    // A value needs a quote if, after any leading quotes, it starts with a trigger character.
    private static bool NeedsQuote(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }

        return i < value.Length && IsFormulaTrigger(value[i]);
    }
}
