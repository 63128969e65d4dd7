using Tongxin.Common.Data;

namespace Tongxin.Features.Dashboard;

public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddHostedService<FigureTallyCompactor>();
        services.AddSingleton<IStartupTask, TalliesAtStartup>();
        return services;
    }
}

/// <summary>Rebuilds the tallies when they are missing.</summary>
internal sealed class TalliesAtStartup : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        if (await FigureTallies.AreMissingAsync(db, ct))
        {
            // Figures loaded around the triggers (or a database emptied by hand): the dashboard would show zeros.
            log.LogWarning("Dashboard tallies are missing; rebuilding them from the figures");
            await FigureTallies.RebuildAsync(db, ct);
        }
    }
}
