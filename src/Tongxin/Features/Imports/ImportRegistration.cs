using Microsoft.AspNetCore.Http.Features;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

public static class ImportRegistration
{
    /// <summary>Importer, file locations, the job queue and its background runner, and the upload size limit.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(new ImportFiles(options));
        services.AddSingleton<ImportJobQueue>();
        services.AddScoped<FigureImporter>();
        services.AddHostedService<ImportJobRunner>();
        // The multipart body holds the file plus a little framing.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = ImportLimits.MaxUploadBytes + 64 * 1024);
        return services;
    }
}
