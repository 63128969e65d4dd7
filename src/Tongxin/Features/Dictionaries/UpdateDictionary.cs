using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;

namespace Tongxin.Features.Dictionaries;

public sealed record UpdateDictionaryRequest(List<DictionaryEntry>? Items);

public static class UpdateDictionary
{
    /// <summary>Replaces one code list; codes in use by records are kept: a missing code is disabled rather than deleted.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> Handle(string type, UpdateDictionaryRequest request, TongxinDb db)
    {
        if (!DefaultDictionaries.TypeLabels.ContainsKey(type)) return Problems.NotFound("字典");
        var incoming = request.Items ?? [];
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < incoming.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(incoming[i].Code)) errors[$"items[{i}].code"] = ["请填写代码"];
            if (string.IsNullOrWhiteSpace(incoming[i].Label)) errors[$"items[{i}].label"] = ["请填写名称"];
            if (incoming[i].Aliases is { } a)
            {
                if (a.Count > DictionaryAliases.MaxPerItem) errors[$"items[{i}].aliases"] = [$"同义词最多{DictionaryAliases.MaxPerItem}个"];
                else if (a.Any(x => x?.Trim().Length > DictionaryAliases.MaxLength)) errors[$"items[{i}].aliases"] = [$"每个同义词不能超过{DictionaryAliases.MaxLength}个字"];
            }
        }
        var dup = incoming.GroupBy(i => i.Code?.Trim()).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) errors["items"] = [$"代码“{dup.Key}”重复"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var existing = await db.DictionaryItems.Where(d => d.Type == type).ToListAsync();
        var wanted = incoming.Select(item =>
        {
            var code = item.Code.Trim();
            var label = item.Label.Trim();
            var stored = existing.FirstOrDefault(e => e.Code == code);
            return (Item: item, Code: code, Label: label, Row: stored,
                Aliases: DictionaryAliases.Clean(item.Aliases ?? stored?.Aliases, code, label));
        }).ToList();
        // Enabled items may not share a word: an import would not know which one a sheet means.
        var conflict = DictionaryAliases.Conflict(wanted.Where(w => w.Item.IsEnabled)
            .Select(w => (w.Code, w.Label, (IReadOnlyList<string>)w.Aliases)));
        if (conflict is { } c) return Problems.Validation("items", $"“{c.Word}”同时是“{c.First}”和“{c.Second}”的名称或同义词");

        foreach (var w in wanted)
        {
            if (w.Row is null)
                db.DictionaryItems.Add(new DictionaryItem
                {
                    Type = type,
                    Code = w.Code,
                    Label = w.Label,
                    SortOrder = w.Item.SortOrder,
                    IsEnabled = w.Item.IsEnabled,
                    Aliases = w.Aliases,
                });
            else
            {
                w.Row.Label = w.Label;
                w.Row.SortOrder = w.Item.SortOrder;
                w.Row.IsEnabled = w.Item.IsEnabled;
                if (!(w.Row.Aliases ?? []).SequenceEqual(w.Aliases)) w.Row.Aliases = w.Aliases;
            }
        }
        foreach (var row in existing.Where(e => incoming.All(i => i.Code.Trim() != e.Code))) row.IsEnabled = false;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
