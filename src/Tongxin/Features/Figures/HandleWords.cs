namespace Tongxin.Features.Figures;

/// <summary>
/// The words of a platform handle, as search keys: runs of letters ("luzhou_meishi88" → luzhou, meishi),
/// runs of two or more digits (88), and each Chinese character and pair of adjacent ones ("小王说美食" → 小, 小王,
/// 王, 王说, …). Handles are found by whole words through exact keys, not by prefix ranges: a range over a
/// common word ("luzhou") reads that word's keys in the whole province before the region part of the key
/// can narrow it, while an exact key reads only the caller's region.
/// </summary>
public static class HandleWords
{
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (FigureSearch.IsCjk(c))
            {
                words.Add(c.ToString());
                if (i + 1 < text.Length && FigureSearch.IsCjk(text[i + 1])) words.Add(text.Substring(i, 2));
                i++;
                continue;
            }
            var start = i;
            if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i])) i++;
                if (i - start >= 2) words.Add(text[start..i]);
                continue;
            }
            if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i]) && !FigureSearch.IsCjk(text[i])) i++;
                words.Add(text[start..i]);
                continue;
            }
            i++; // a separator: '_', '.', '-', …
        }
        return words;
    }
}
