using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Dictionaries;

/// <summary>One item; <c>aliases</c> are the other words matched at import (同义词). Null aliases on update keep the stored ones.</summary>
public sealed record DictionaryEntry(string Code, string Label, int SortOrder, bool IsEnabled, IReadOnlyList<string>? Aliases = null);
public sealed record DictionaryGroup(string Type, string Label, IReadOnlyList<DictionaryEntry> Items);

public static class ListDictionaries
{
    public static async Task<Ok<List<DictionaryGroup>>> Handle(TongxinDb db)
    {
        var items = await db.DictionaryItems.AsNoTracking().OrderBy(d => d.Type).ThenBy(d => d.SortOrder).ToListAsync();
        return TypedResults.Ok(DefaultDictionaries.TypeLabels.Select(t => new DictionaryGroup(t.Key, t.Value,
            items.Where(i => i.Type == t.Key)
                .Select(i => new DictionaryEntry(i.Code, i.Label, i.SortOrder, i.IsEnabled, i.Aliases ?? [])).ToList())).ToList());
    }
}
