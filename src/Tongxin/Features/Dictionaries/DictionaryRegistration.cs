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

/// <summary>A new installation starts with the <see cref="DefaultDictionaries"/>.</summary>
internal sealed class DefaultDictionariesAtStartup : IStartupTask
{
    public int Order => 400;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        if (!await db.DictionaryItems.AnyAsync(ct))
        {
            var order = 0;
            foreach (var (type, code, label) in DefaultDictionaries.All())
                db.DictionaryItems.Add(new DictionaryItem { Type = type, Code = code, Label = label, SortOrder = ++order });
            await db.SaveChangesAsync(ct);
        }
    }
}
