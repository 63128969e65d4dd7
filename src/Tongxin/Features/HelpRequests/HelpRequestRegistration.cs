using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Features.Dictionaries;

namespace Tongxin.Features.HelpRequests;

public static class HelpRequestRegistration
{
    public static IServiceCollection AddHelpRequests(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, HelpRequestCategoriesAtStartup>();
        return services;
    }
}

/// <summary>
/// An installation made before help requests existed has dictionaries but not the request categories: they are added
/// once (a new installation gets them with the other <see cref="DefaultDictionaries"/>).
/// </summary>
internal sealed class HelpRequestCategoriesAtStartup : IStartupTask
{
    public int Order => 410;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        if (await db.DictionaryItems.AnyAsync(d => d.Type == CreateHelpRequest.CategoryType, ct)) return;
        var order = await db.DictionaryItems.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
        foreach (var (type, code, label) in DefaultDictionaries.All().Where(d => d.Type == CreateHelpRequest.CategoryType))
            db.DictionaryItems.Add(new DictionaryItem { Type = type, Code = code, Label = label, SortOrder = ++order });
        await db.SaveChangesAsync(ct);
    }
}
