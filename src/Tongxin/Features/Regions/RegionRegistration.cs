using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Regions;

public static class RegionRegistration
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, RootRegionAtStartup>();
        return services;
    }
}

/// <summary>The configured root region (<see cref="DatabaseStartup.RootRegion"/>) exists from the first start.</summary>
internal sealed class RootRegionAtStartup(IConfiguration config) : IStartupTask
{
    public int Order => 300;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        var (rootCode, rootName) = DatabaseStartup.RootRegion(config);
        if (!await db.Regions.AnyAsync(r => r.Code == rootCode, ct))
        {
            db.Regions.Add(new Region { Code = rootCode, Name = rootName, FullName = rootName, Level = Region.LevelOf(rootCode) });
            await db.SaveChangesAsync(ct);
        }
    }
}
