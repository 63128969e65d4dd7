using Microsoft.AspNetCore.Http.Features;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

public static class ImportRegistration
{
    /// <summary>Importer, import files, the job queue and its background runner, and the upload size limit.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportJobQueue>();
        services.AddScoped<FigureImporter>();
        services.AddHostedService<ImportJobRunner>();
        services.AddSingleton<Common.Jobs.IRecurringJob, ImportFilesPurgeJob>();
        // The multipart body holds the file plus a little framing.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = ImportLimits.MaxUploadBytes + 64 * 1024);
        return services;
    }
}
