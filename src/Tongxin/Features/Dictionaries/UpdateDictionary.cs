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
        }
        var dup = incoming.GroupBy(i => i.Code?.Trim()).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) errors["items"] = [$"代码“{dup.Key}”重复"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var existing = await db.DictionaryItems.Where(d => d.Type == type).ToListAsync();
        foreach (var item in incoming)
        {
            var code = item.Code.Trim();
            var row = existing.FirstOrDefault(e => e.Code == code);
            if (row is null) db.DictionaryItems.Add(new DictionaryItem { Type = type, Code = code, Label = item.Label.Trim(), SortOrder = item.SortOrder, IsEnabled = item.IsEnabled });
            else { row.Label = item.Label.Trim(); row.SortOrder = item.SortOrder; row.IsEnabled = item.IsEnabled; }
        }
        foreach (var row in existing.Where(e => incoming.All(i => i.Code.Trim() != e.Code))) row.IsEnabled = false;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
