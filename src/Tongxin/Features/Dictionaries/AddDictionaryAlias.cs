using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;

namespace Tongxin.Features.Dictionaries;

public sealed record AddDictionaryAliasRequest(string? Alias);

/// <summary>POST /api/dictionaries/{type}/items/{code}/aliases: one more word for an item (the import's “加入字典”).</summary>
public static class AddDictionaryAlias
{
    public static async Task<Results<Ok<DictionaryEntry>, ValidationProblem, NotFoundProblem>> Handle(
        string type, string code, AddDictionaryAliasRequest request, TongxinDb db)
    {
        if (!DefaultDictionaries.TypeLabels.ContainsKey(type)) return Problems.NotFound("字典");
        var items = await db.DictionaryItems.Where(d => d.Type == type).ToListAsync();
        var item = items.FirstOrDefault(d => d.Code == code);
        if (item is null) return Problems.NotFound("字典项");
        var alias = ChineseText.Normalize(request.Alias);
        if (alias.Length == 0) return Problems.Validation("alias", "请填写同义词");
        if (alias.Length > DictionaryAliases.MaxLength) return Problems.Validation("alias", $"同义词不能超过{DictionaryAliases.MaxLength}个字");
        var key = DictionaryItem.KeyOf(alias);
        var owner = items.FirstOrDefault(d => d.IsEnabled && d.Id != item.Id
            && (d.Aliases ?? []).Append(d.Code).Append(d.Label).Any(w => DictionaryItem.KeyOf(w) == key));
        if (owner is not null) return Problems.Validation("alias", $"“{alias}”已是“{owner.Label}”的名称或同义词");
        var aliases = item.Aliases ?? [];
        if (aliases.Count >= DictionaryAliases.MaxPerItem) return Problems.Validation("alias", $"同义词最多{DictionaryAliases.MaxPerItem}个");
        if (DictionaryItem.KeyOf(item.Code) != key && DictionaryItem.KeyOf(item.Label) != key && aliases.All(a => DictionaryItem.KeyOf(a) != key))
        {
            item.Aliases = [.. aliases, alias];
            await db.SaveChangesAsync();
        }
        return TypedResults.Ok(new DictionaryEntry(item.Code, item.Label, item.SortOrder, item.IsEnabled, item.Aliases ?? []));
    }
}
