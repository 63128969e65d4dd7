using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;

namespace Tongxin.Features.Dictionaries;

public static class DictionaryRegistration
{
    public static IServiceCollection AddDictionaries(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, DefaultDictionariesAtStartup>();
        return services;
    }
}

/// <summary>
/// A new installation starts with the <see cref="DefaultDictionaries"/>. An existing one gets the default types it
/// has no item of yet (a feature added since, such as liaison's <c>contactWay</c> or the help-request categories; a type
/// with any item is left as the office edited it), and the default aliases on the items whose aliases were never set
/// (staff's own edits, even to none, are kept).
/// </summary>
internal sealed class DefaultDictionariesAtStartup : IStartupTask
{
    public int Order => 400;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        var present = await db.DictionaryItems.Select(d => d.Type).Distinct().ToListAsync(ct);
        var missing = DefaultDictionaries.All().Where(d => !present.Contains(d.Type)).ToList();
        if (missing.Count > 0)
        {
            var order = await db.DictionaryItems.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
            foreach (var (type, code, label) in missing)
                db.DictionaryItems.Add(new DictionaryItem
                {
                    Type = type,
                    Code = code,
                    Label = label,
                    SortOrder = ++order,
                    Aliases = DefaultDictionaries.Aliases.TryGetValue((type, code), out var a) ? [.. a] : [],
                });
            await db.SaveChangesAsync(ct);
        }
        var unset = await db.DictionaryItems.Where(d => d.Aliases == null).ToListAsync(ct);
        if (unset.Count == 0) return;
        var all = await db.DictionaryItems.AsNoTracking().ToListAsync(ct);
        foreach (var item in unset)
        {
            var defaults = DefaultDictionaries.Aliases.TryGetValue((item.Type, item.Code), out var a) ? a : [];
            // A default alias that staff have since used as another item's code, label or alias is left out.
            var taken = all.Where(o => o.Type == item.Type && o.Id != item.Id)
                .SelectMany(o => (o.Aliases ?? []).Append(o.Code).Append(o.Label)).Select(DictionaryItem.KeyOf).ToHashSet();
            item.Aliases = defaults.Where(d => !taken.Contains(DictionaryItem.KeyOf(d))).ToList();
        }
        await db.SaveChangesAsync(ct);
    }
}
