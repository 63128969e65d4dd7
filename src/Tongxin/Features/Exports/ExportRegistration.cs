namespace Tongxin.Features.Exports;

public static class ExportRegistration
{
    /// <summary>Export files, the export queue and its background runner.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportFiles>();
        services.AddSingleton<ExportJobQueue>();
        services.AddHostedService<ExportJobRunner>();
        return services;
    }
}
