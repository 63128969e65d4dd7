using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

public static class FigureRegistration
{
    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, SearchKeysAtStartup>();
        return services;
    }
}

/// <summary>Rebuilds the search keys once when their format changed (<see cref="SearchKeyFormat"/>).</summary>
internal sealed class SearchKeysAtStartup : IStartupTask
{
    public int Order => 200;

    public Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct) => SearchKeyFormat.EnsureCurrentAsync(db, log, ct);
}
