using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Tongxin.Common.Text;

/// <summary>
/// Pinyin for names: readings per character, a sort key, and the search keys a user may type.
/// Data comes from the embedded table generated from pinyin-pro (scripts/pinyin/generate.mjs).
/// All output is lower-case ASCII, ü written as v, no tones.
/// </summary>
public static class Pinyin
{
    /// <summary>Logical name of the embedded readings table.</summary>
    public const string ResourceName = "Tongxin.pinyin-readings.txt";

    // How many readings of a polyphonic character the search keys consider.
    private const int MaxReadingsPerChar = 2;

    private static readonly Lazy<Table> Data = new(Table.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly IReadOnlyList<string> NoReadings = ReadOnlyCollection<string>.Empty;

    /// <summary>Readings of one character, most common first; empty when the character has none.</summary>
    public static IReadOnlyList<string> Readings(char c) =>
        Data.Value.ByChar[c] is { } readings ? Array.AsReadOnly(readings) : NoReadings;

    /// <summary>
    /// The reading of <paramref name="surname"/> as a surname, one syllable per character
    /// (单 → ["shan"], 欧阳 → ["ou","yang"]); null when the table does not list it as a surname.
    /// </summary>
    public static IReadOnlyList<string>? SurnameReading(string surname) =>
        Data.Value.Surnames.TryGetValue(surname, out var syllables) ? Array.AsReadOnly(syllables) : null;

    /// <summary>
    /// Splits a name into surname and given name: a two-character compound surname from the
    /// surname table (欧阳, 尉迟…) when the name starts with one, otherwise the first character.
    /// </summary>
    public static (string Surname, string GivenName) SplitName(string? name)
    {
        var n = ChineseText.Normalize(name);
        if (n.Length == 0)
        {
            return (string.Empty, string.Empty);
        }

        var length = n.Length >= 3 && IsCompoundSurname(n[..2]) ? 2 : 1;
        return (n[..length], n[length..].TrimStart());
    }

    /// <summary>
    /// Key that orders names the way users expect: pinyin syllables of the first-choice readings
    /// (the surname reading for the surname) separated by single spaces, e.g. 王逸 → "wang yi",
    /// 单雄信 → "shan xiong xin". Non-CJK characters are kept lower-cased. Compare ordinally
    /// (PostgreSQL needs COLLATE "C"): the space must sort before letters so "li" precedes "lian".
    /// </summary>
    public static string SortKey(string? name)
    {
        var tokens = Tokenize(name, includeUnknown: true);
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(t.Readings[0]);
        }

        return sb.ToString();
    }

    /// <summary>First-choice full pinyin syllables of a name (surname reading for the surname).</summary>
    public static IReadOnlyList<string> Syllables(string? name) =>
        Tokenize(name, includeUnknown: false).Select(t => t.Readings[0]).ToArray();

    /// <summary>First letters of the first-choice syllables, e.g. 王逸飞 → "wyf", 张三 → "zs".</summary>
    public static string Initials(string? name) =>
        string.Concat(Tokenize(name, includeUnknown: false).Select(t => t.Readings[0][0]));

    /// <summary>
    /// The pinyin strings a user may type for a name, to be matched by prefix. Keys start at the
    /// surname, at the given name and after a "·" separator; each character appears as its full
    /// syllable or initial (plus zh/ch/sh), using surname readings for the surname and up to two
    /// readings of other polyphonic characters. Keys that are a prefix of another key are left out
    /// because a prefix match on the longer key already finds them (王逸 → wangyi, wyi, yi).
    /// At most <paramref name="maxVariants"/> keys per starting point.
    /// </summary>
    public static IReadOnlyCollection<string> SearchKeys(string? name, int maxVariants = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVariants, 1);
        var tokens = Tokenize(name, includeUnknown: false);
        if (tokens.Count == 0)
        {
            return Array.Empty<string>();
        }

        var starts = new SortedSet<int> { 0 };
        if (tokens.Count > tokens[0].SurnameLength)
        {
            starts.Add(tokens[0].SurnameLength);
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].BreakBefore)
            {
                starts.Add(i);
            }
        }

        var all = new PrefixSet(int.MaxValue);
        foreach (var start in starts)
        {
            var perStart = new PrefixSet(maxVariants);
            AddVariants(tokens, start, perStart);
            foreach (var key in perStart.Keys)
            {
                all.TryAdd(key);
            }
        }

        return all.Keys.ToArray();
    }

    /// <summary>
    /// Normalizes a typed pinyin query: half-width, lower-case, trimmed, spaces and apostrophes removed,
    /// ü (with or without tone) → v, other tone marks dropped.
    /// </summary>
    public static string NormalizeQuery(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(q.Length);
        foreach (var raw in ChineseText.ToHalfWidth(q).ToLowerInvariant())
        {
            switch (raw)
            {
                case 'ü' or 'ǖ' or 'ǘ' or 'ǚ' or 'ǜ':
                    sb.Append('v');
                    break;
                case '\'' or '’' or '‘' or '`' or '´':
                    break;
                default:
                    if (char.IsWhiteSpace(raw) || raw is '\u200B' or '\uFEFF')
                    {
                        break;
                    }

                    AppendWithoutTone(sb, raw);
                    break;
            }
        }

        return sb.ToString();
    }

    // Drops combining marks so ā/á/ǎ/à type as a.
    private static void AppendWithoutTone(StringBuilder sb, char c)
    {
        // Half of a surrogate pair (emoji, rare characters) cannot be normalized alone, and carries no tone.
        if (c < 0x80 || char.IsSurrogate(c))
        {
            sb.Append(c);
            return;
        }

        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(d);
            }
        }
    }

    private static void AddVariants(List<Token> tokens, int start, PrefixSet keys)
    {
        var m = tokens.Count - start;
        if (m <= 0)
        {
            return;
        }

        // Reading choices: all first readings, then one alternative reading at a time.
        var choices = new List<int[]> { new int[m] };
        for (var k = 0; k < m && choices.Count < 4; k++)
        {
            var readings = tokens[start + k].Readings;
            for (var r = 1; r < readings.Length && r < MaxReadingsPerChar && choices.Count < 4; r++)
            {
                var choice = new int[m];
                choice[k] = r;
                choices.Add(choice);
            }
        }

        foreach (var choice in choices)
        {
            var syllables = new string[m];
            for (var k = 0; k < m; k++)
            {
                syllables[k] = tokens[start + k].Readings[choice[k]];
            }

            // Alternative readings only get the two patterns people type most (full pinyin and
            // initials): they are guesses, and every key is a row in the search table.
            var combinations = FormCombinations(syllables);
            foreach (var key in choice == choices[0] ? combinations : combinations.Take(2))
            {
                keys.TryAdd(key);
            }
        }
    }

    // Full syllable or initial for each character; the last character is always full, because
    // its initial is a prefix of the full syllable. Most useful patterns come first so a cap
    // keeps them.
    private static IEnumerable<string> FormCombinations(string[] syllables)
    {
        var m = syllables.Length;
        var forms = new string[m][];
        for (var k = 0; k < m; k++)
        {
            var s = syllables[k];
            if (k == m - 1 || s.Length == 1)
            {
                forms[k] = [s];
            }
            else if (s.Length > 2 && s[1] == 'h' && s[0] is 'z' or 'c' or 's')
            {
                forms[k] = [s, s[..1], s[..2]];
            }
            else
            {
                forms[k] = [s, s[..1]];
            }
        }

        string Build(Func<int, int> pick)
        {
            var sb = new StringBuilder();
            for (var k = 0; k < m; k++)
            {
                var f = forms[k];
                sb.Append(f[Math.Min(pick(k), f.Length - 1)]);
            }

            return sb.ToString();
        }

        yield return Build(_ => 0); // wangyifei
        yield return Build(_ => 1); // wyfei
        yield return Build(k => k == 0 ? 0 : 1); // wangyfei
        yield return Build(k => k == 0 ? 1 : 0); // wyifei
        yield return Build(_ => 2); // zhsfeng (falls back to the initial where there is no zh/ch/sh)

        // Every other combination, only while the count stays small (long minority names).
        long total = 1;
        foreach (var f in forms)
        {
            total *= f.Length;
            if (total > 256)
            {
                yield break;
            }
        }

        var index = new int[m];
        for (var n = 0; n < total; n++)
        {
            var rest = n;
            for (var k = m - 1; k >= 0; k--)
            {
                index[k] = rest % forms[k].Length;
                rest /= forms[k].Length;
            }

            yield return Build(k => index[k]);
        }
    }

    // Two-character names are surname + given name even when they spell a compound surname.
    private static bool IsCompoundSurname(string twoChars) =>
        Data.Value.Surnames.TryGetValue(twoChars, out var syllables) && syllables.Length == 2;

    // One token per CJK character or ASCII letter/digit run; Readings[0] is the first choice.
    private sealed record Token(string[] Readings, bool BreakBefore, int SurnameLength);

    private static List<Token> Tokenize(string? name, bool includeUnknown)
    {
        var n = ChineseText.Normalize(name).ToLowerInvariant();
        var tokens = new List<Token>(n.Length);
        if (n.Length == 0)
        {
            return tokens;
        }

        var table = Data.Value;
        var compound = n.Length >= 3 && IsCompoundSurname(n[..2]) ? table.Surnames[n[..2]] : null;

        var breakBefore = false;
        var i = 0;
        while (i < n.Length)
        {
            var c = n[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                var j = i;
                while (j < n.Length && n[j] is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    j++;
                }

                tokens.Add(new Token([n[i..j]], breakBefore, 0));
                breakBefore = false;
                i = j;
                continue;
            }

            if (IsSeparator(c))
            {
                breakBefore = tokens.Count > 0;
                i++;
                continue;
            }

            string[]? readings = null;
            if (compound is not null && i < 2)
            {
                readings = [compound[i]];
            }
            else if (i == 0 && n.Length > 1 && table.SurnameFirst.TryGetValue(c, out var surname))
            {
                readings = surname;
            }
            else if (table.ByChar[c] is { } known)
            {
                readings = known;
            }
            else if (includeUnknown)
            {
                // Keep a surrogate pair (CJK extension B and beyond) together as one token.
                var width = char.IsHighSurrogate(c) && i + 1 < n.Length && char.IsLowSurrogate(n[i + 1]) ? 2 : 1;
                readings = [n.Substring(i, width)];
                i += width - 1;
            }

            if (readings is not null)
            {
                tokens.Add(new Token(readings, breakBefore, 0));
                breakBefore = false;
            }

            i++;
        }

        if (tokens.Count > 0)
        {
            tokens[0] = tokens[0] with { SurnameLength = compound is not null && tokens.Count >= 2 ? 2 : 1 };
        }

        return tokens;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '·' or '•' or '・' or '‧' or '.' or '-' or '_' or '(' or ')' or '（' or '）';

    // Keeps keys such that none is a prefix of another; the longer key wins.
    private sealed class PrefixSet(int max)
    {
        private readonly List<string> _keys = [];

        public IReadOnlyList<string> Keys => _keys;

        public void TryAdd(string key)
        {
            if (key.Length == 0)
            {
                return;
            }

            var removed = 0;
            for (var i = _keys.Count - 1; i >= 0; i--)
            {
                var existing = _keys[i];
                if (existing.StartsWith(key, StringComparison.Ordinal))
                {
                    return; // already covered by a longer (or equal) key
                }

                if (key.StartsWith(existing, StringComparison.Ordinal))
                {
                    _keys.RemoveAt(i);
                    removed++;
                }
            }

            if (removed > 0 || _keys.Count < max)
            {
                _keys.Add(key);
            }
        }
    }

    private sealed class Table
    {
        public string[]?[] ByChar { get; } = new string[]?[char.MaxValue + 1];

        public Dictionary<string, string[]> Surnames { get; } = new(StringComparer.Ordinal);

        // Readings of a single-character surname: the surname reading first, then the everyday
        // reading as a fallback for users who do not know the surname reading (单 → shan, dan).
        public Dictionary<char, string[]> SurnameFirst { get; } = [];

        public static Table Load()
        {
            using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var table = new Table();
            // Interning keeps one string per distinct syllable (about 400) instead of one per use.
            var pool = new Dictionary<string, string>(StringComparer.Ordinal);
            string Intern(string s) => pool.TryGetValue(s, out var v) ? v : pool[s] = s;

            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts[0] == "@surname" && parts.Length == 3)
                {
                    table.Surnames[parts[1]] = parts[2].Split(' ').Select(Intern).ToArray();
                }
                else if (parts.Length == 2 && parts[0].Length == 1)
                {
                    table.ByChar[parts[0][0]] = parts[1].Split(',').Select(Intern).ToArray();
                }
            }

            // Built after reading everything, so the order of the two sections does not matter.
            foreach (var (surname, syllables) in table.Surnames)
            {
                if (surname.Length == 1)
                {
                    var everyday = table.ByChar[surname[0]]?[0];
                    table.SurnameFirst[surname[0]] = everyday is null || everyday == syllables[0]
                        ? [syllables[0]]
                        : [syllables[0], everyday];
                }
            }

            return table;
        }
    }
}
