using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;

namespace Tongxin.Features.Imports;

/// <summary>One chosen mapping: a word of a dictionary column and the code it stands for.</summary>
public sealed record ValueMapping(string Type, string Value, string Code);

/// <summary>The dictionary columns of the figure sheet, and the commit's <c>mappings</c> field read into <see cref="ValueMapping"/>s.</summary>
public static class ValueMappings
{
    /// <summary>The columns whose values are dictionary items, with the dictionary type each uses.</summary>
    public static readonly IReadOnlyDictionary<FigureColumn, string> DictionaryColumns = new Dictionary<FigureColumn, string>
    {
        [FigureColumn.Ethnicity] = "ethnicity",
        [FigureColumn.PoliticalAffiliation] = "politicalAffiliation",
        [FigureColumn.Education] = "education",
        [FigureColumn.Category] = "category",
        [FigureColumn.KeyLevel] = "keyLevel",
        [FigureColumn.Source] = "source",
        [FigureColumn.Platform] = "platform",
    };

    /// <summary>The dictionary type a column key names: a header as written in the sheet (or a variant), or the type itself.</summary>
    public static string? TypeOf(string column)
    {
        if (DictionaryColumns.Values.Contains(column)) return column;
        return FigureColumns.Match(column) is { } c && DictionaryColumns.TryGetValue(c, out var type) ? type : null;
    }

    /// <summary>
    /// Reads <c>{column: {value: code}}</c>. Each column must be a dictionary column and each code an enabled item
    /// of its dictionary; the errors are keyed <c>mappings</c> in Chinese.
    /// </summary>
    public static List<ValueMapping>? Parse(string? json, DictionaryCodes codes, out string? error)
    {
        error = null;
        var result = new List<ValueMapping>();
        if (string.IsNullOrWhiteSpace(json)) return result;
        Dictionary<string, Dictionary<string, string>>? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json);
        }
        catch (JsonException)
        {
            error = "mappings 应为 {列名: {取值: 代码}} 形式的 JSON";
            return null;
        }
        foreach (var (column, values) in raw ?? [])
        {
            var type = TypeOf(column);
            if (type is null) { error = $"“{column}”不是按字典填写的列"; return null; }
            foreach (var (value, code) in values ?? [])
            {
                var v = ChineseText.Normalize(value);
                if (v.Length == 0) continue;
                if (v.Length > 100) { error = "取值不能超过100个字"; return null; }
                if (string.IsNullOrEmpty(code) || !codes.IsEnabledCode(type, code))
                {
                    error = $"“{code}”不是{column}字典中的代码（取值“{v}”）";
                    return null;
                }
                result.Add(new ValueMapping(type, v, code));
            }
        }
        return result;
    }

    public static string ToJson(IReadOnlyList<ValueMapping> mappings) => JsonSerializer.Serialize(mappings, ImportJson.Options);

    public static List<ValueMapping> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ValueMapping>>(json, ImportJson.Options) ?? [];
}

/// <summary>
/// Turns the words of a sheet's dictionary columns into codes: the dictionary (codes, labels, aliases), then the
/// commit's chosen mappings, then those the region remembered. A word none of them places is noted on the row as
/// an unknown value and passed on unchanged, so the shared rules still refuse it.
/// </summary>
public sealed class ValueMapper
{
    private readonly DictionaryCodes _codes;
    private readonly Dictionary<(string Type, string Key), string> _map = new();

    private ValueMapper(DictionaryCodes codes) => _codes = codes;

    public static async Task<ValueMapper> LoadAsync(TongxinDb db, DictionaryCodes codes, string region, IReadOnlyList<ValueMapping>? chosen, CancellationToken ct)
    {
        var mapper = new ValueMapper(codes);
        foreach (var m in chosen ?? []) mapper._map[(m.Type, DictionaryItem.KeyOf(m.Value))] = m.Code;
        var stored = await db.ImportMappings.AsNoTracking().Where(m => m.RegionCode == region).ToListAsync(ct);
        // A remembered code since disabled or removed places nothing.
        foreach (var m in stored.Where(m => codes.IsEnabledCode(m.Type, m.Code))) mapper._map.TryAdd((m.Type, m.ValueKey), m.Code);
        return mapper;
    }

    /// <summary>The value to hand to the rules: a code when a mapping places the word, else the word itself.</summary>
    public string? Map(FigureColumn column, string? text, ParsedRow row)
    {
        var v = ChineseText.Normalize(text);
        if (v.Length == 0) return null;
        return Code(column, v, row) ?? v;
    }

    /// <summary>The code of the word, or null (and the row notes the unknown value).</summary>
    public string? Code(FigureColumn column, string value, ParsedRow row)
    {
        var type = ValueMappings.DictionaryColumns[column];
        var code = _codes.Resolve(type, value) ?? (_map.TryGetValue((type, DictionaryItem.KeyOf(value)), out var c) ? c : null);
        if (code is null) row.Unknown.Add((column, value));
        return code;
    }

    /// <summary>
    /// Up to three codes the word may mean, best first: an item whose label or alias contains the word or is
    /// contained in it (快手号 → 快手, 网红主播 → 网红), then one whose label or alias reads the same in pinyin.
    /// </summary>
    public IReadOnlyList<string> Suggest(string type, string value)
    {
        var key = DictionaryItem.KeyOf(value);
        var items = _codes.Entries(type).Where(e => e.Enabled).ToList();
        var scored = new List<(string Code, int Score)>();
        foreach (var e in items)
        {
            var words = e.Aliases.Prepend(e.Label).Select(DictionaryItem.KeyOf).Where(w => w.Length > 0).ToList();
            var best = words.Where(w => key.Contains(w, StringComparison.Ordinal) || w.Contains(key, StringComparison.Ordinal))
                .Select(w => Math.Min(w.Length, key.Length)).DefaultIfEmpty(0).Max();
            if (best > 0) scored.Add((e.Code, 1000 + best));
        }
        var reading = Reading(value);
        if (reading.Length > 0)
            foreach (var e in items)
                if (e.Aliases.Prepend(e.Label).Append(e.Code).Any(w => Reading(w) == reading)) scored.Add((e.Code, 500));
        return scored.OrderByDescending(s => s.Score).Select(s => s.Code).Distinct().Take(3).ToList();
    }

    /// <summary>Pinyin without tones or spaces (Latin letters kept), so 斗音 and douyin both read "douyin".</summary>
    private static string Reading(string word)
    {
        var parts = new List<string>();
        foreach (var ch in ChineseText.Normalize(word).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') parts.Add(ch.ToString());
            else if (Pinyin.Readings(ch) is { Count: > 0 } r) parts.Add(r[0]);
        }
        return string.Concat(parts);
    }
}
