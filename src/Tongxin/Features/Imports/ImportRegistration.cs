using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

public static class ImportRegistration
{
    /// <summary>The multipart body of an upload: the file plus a little framing.</summary>
    public const long MaxFormBytes = ImportLimits.MaxUploadBytes + 64 * 1024;

    /// <summary>Importer, import files, the job queue and its background runner, and the upload size limit.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportJobQueue>();
        services.AddScoped<FigureImporter>();
        services.AddHostedService<ImportJobRunner>();
        services.AddSingleton<Common.Jobs.IRecurringJob, ImportFilesPurgeJob>();
        // The multipart body holds the file plus a little framing.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxFormBytes);
        services.AddTransient<IStartupFilter, UploadLengthCheck>();
        services.AddSingleton(new UploadRoute(new Regex(@"^/api/figures/import/?$", RegexOptions.IgnoreCase), MaxFormBytes, UploadLengthCheck.TooLargeMessage));
        // The plan-table import (TaskPlans/ImportPlanTasks) takes the same file size and says so in the same words.
        services.AddSingleton(new UploadRoute(new Regex(@"^/api/task-plans/\d+/import/?$", RegexOptions.IgnoreCase), MaxFormBytes, UploadLengthCheck.TooLargeMessage));
        services.AddRateLimiter(o => o.AddPolicy<string, ImportConcurrency>(ImportConcurrency.Name));
        return services;
    }
}
