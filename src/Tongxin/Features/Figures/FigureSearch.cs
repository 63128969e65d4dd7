using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Text;

namespace Tongxin.Features.Figures;

/// <summary>
/// Turns the one search box into look-ups on <see cref="FigureSearchKey"/>: exact keys for Chinese
/// name and organization grams, handle words and tags, key ranges for pinyin prefixes.
/// </summary>
public static class FigureSearch
{
    /// <param name="NameContains">A filter on the whole term (name, organization or handle contains it) when a key only narrows.</param>
    /// <param name="HandleContains">A filter on handles alone, for a query of several handle words ("luzhou_w").</param>
    /// <param name="Prefix">The key range of a pinyin prefix, when the term is one.</param>
    public sealed record Plan(IReadOnlyList<string> ExactKeys, (string Low, string High)? Prefix,
        string? NameContains, string? HandleContains = null);

    public static Plan? For(string? q)
    {
        var text = ChineseText.Normalize(q).ToLowerInvariant();
        if (text.Length == 0) return null;
        var exact = new List<string>();
        (string, string)? prefix = null;
        string? nameContains = null;
        string? handleContains = null;
        if (text.EnumerateRunes().Any(IsCjk))
        {
            // In code points, as the keys are cut (FigureSearchIndexer.AddGrams): 𠮷 is one character.
            var runes = text.EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r)).ToArray();
            var compact = string.Concat(runes);
            if (runes.Length <= 2 && runes.All(IsCjk))
            {
                exact.Add("n:" + compact);
                exact.Add("o:" + compact);
                exact.Add("h:" + compact);
            }
            else
            {
                // Names and organizations: the first pair narrows; handles: a Chinese character pair (always a
                // handle word of its own). The whole term filters.
                var pair = string.Concat(runes[..2]);
                exact.Add("n:" + pair);
                exact.Add("o:" + pair);
                var words = HandleWords.Of(compact);
                var handleWord = words.FirstOrDefault(w => w.Length == 2 && w.All(IsCjk)) ?? words.FirstOrDefault(w => w.All(IsCjk));
                // Handle words are cut from BMP characters only; a term of other characters alone has none.
                if (handleWord is not null) exact.Add("h:" + handleWord);
                nameContains = compact;
            }
        }
        else
        {
            var pinyin = Pinyin.NormalizeQuery(text);
            if (pinyin.Length > 0 && pinyin.All(char.IsAsciiLetterLower)) prefix = Prefix("p:" + pinyin);
            var handle = text.Replace(" ", "");
            var words = HandleWords.Of(handle);
            if (words.Count == 1) exact.Add("h:" + words[0]);
            else if (words.Count > 1)
            {
                // Several words: the last may be still being typed, so a longest earlier word narrows and the
                // handle must contain the whole query (such a query has no pinyin branch: it is not all letters).
                exact.Add("h:" + words[..^1].MaxBy(w => w.Length));
                handleContains = handle;
            }
        }
        return new Plan(exact, prefix, nameContains, handleContains);
    }

    /// <summary>
    /// The figures whose name contains <paramref name="term"/> (normalized), found through the name's keys (<c>n:</c>,
    /// its characters and character pairs) where the term is Chinese: a term of one or two characters is a key itself,
    /// a longer one is narrowed by its first pair and then checked. Other terms read the names.
    /// </summary>
    public static IQueryable<long> NameContains(TongxinDb db, string term)
    {
        var runes = term.ToLowerInvariant().EnumerateRunes().ToArray();
        if (runes.Length == 0 || !runes.All(IsCjk)) return db.Figures.Where(f => f.Name.Contains(term)).Select(f => f.Id);
        var key = "n:" + string.Concat(runes.Take(2));
        var keyed = db.FigureSearchKeys.Where(k => k.Key == key).Select(k => k.FigureId);
        return runes.Length <= 2 ? keyed : db.Figures.Where(f => keyed.Contains(f.Id) && f.Name.Contains(term)).Select(f => f.Id);
    }

    /// <summary>[prefix, prefix with its last character incremented): every key starting with prefix.</summary>
    public static (string Low, string High) Prefix(string prefix) =>
        (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    /// <summary>
    /// The exact keys as the three scalars SQLite's inline list takes (<see cref="KeyIn"/>), padded with the last
    /// key; null where they go as one list parameter (PostgreSQL, or more than three keys).
    /// </summary>
    // A type test: Database.IsSqlite() reads the provider's assembly name under a global lock (see GetFigure).
    public static (string K0, string K1, string K2)? InlineKeys(TongxinDb db, IReadOnlyList<string> exact) =>
        db is SqliteTongxinDb ? ThreeKeys(exact) : null;

    /// <summary>One to three exact keys as three, padded with the last; null for none or more.</summary>
    public static (string K0, string K1, string K2)? ThreeKeys(IReadOnlyList<string> exact) =>
        exact.Count is > 0 and <= 3 ? (exact[0], exact.Count > 1 ? exact[1] : exact[0], exact[^1]) : null;

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    /// <summary>Also the CJK extensions outside the BMP (planes 2 and 3: 𠮷, 𡘙…).</summary>
    public static bool IsCjk(Rune r) => r.IsBmp ? IsCjk((char)r.Value) : r.Value is >= 0x20000 and <= 0x3FFFF;
}
