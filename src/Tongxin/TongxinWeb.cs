using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Serilog;
using Tongxin.Common;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Jobs;
using Tongxin.Common.Security;
using Tongxin.Features.Accounts;
using Tongxin.Features.Attachments;
using Tongxin.Features.AuditLog;
using Tongxin.Features.Auth;
using Tongxin.Features.Dashboard;
using Tongxin.Features.Dictionaries;
using Tongxin.Features.Exports;
using Tongxin.Features.Figures;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.Imports;
using Tongxin.Features.Liaison;
using Tongxin.Features.Members;
using Tongxin.Features.Notifications;
using Tongxin.Features.Organizations;
using Tongxin.Features.Positions;
using Tongxin.Features.Regions;
using Tongxin.Features.Users;

namespace Tongxin;

/// <summary>Composition of the web server: services, pipeline and every feature's endpoints.</summary>
public static class TongxinWeb
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The built front end lives beside the executable (wwwroot), wherever it is started from.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Host.UseSerilog((ctx, log) => log.ReadFrom.Configuration(ctx.Configuration)
            // A setting the server cannot start with is printed once, plainly, by the executable (Verbs).
            .Filter.ByExcluding(e => e.Exception is ConfigurationException)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.Console());
        if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls("http://127.0.0.1:5080");

        var services = builder.Services;
        var dbOptions = DatabaseOptions.From(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddTongxinData(dbOptions);
        services.AddHostedService<Cli.DataFolderLock>();
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<IFileStore>(new DiskFileStore(dbOptions.FilesDirectory));
        services.AddSingleton<UserFiles>();
        services.AddImports(dbOptions);
        services.AddExports();
        services.AddSingleton<IRecurringJob, AuditPurgeJob>();
        services.AddHostedService<RecurringJobRunner>();
        services.AddTongxinAuth(builder.Configuration);
        services.AddAuthFeature();
        services.AddRegions();
        services.AddDictionaries();
        services.AddFigures();
        services.AddOrganizations();
        services.AddDashboard();
        services.AddMembers();
        services.AddNotifications(builder.Configuration);
        services.AddLiaison();
        services.AddAttachments(builder.Configuration);
        // Keys in the database: a user signed in on one server continues on any other (cookies, anti-forgery).
        services.AddDataProtection().PersistKeysToDbContext<TongxinDb>().SetApplicationName("Tongxin");
        services.AddOptions<KeyManagementOptions>().Configure<FieldProtector>((o, fields) => o.XmlEncryptor = new KeyRingEncryptor(fields));
        // A value of the wrong type in the query, route or body (model binding) answers the framework's English "Bad Request";
        // the users read Chinese, so those 400s say in Chinese what went wrong. Our own 400s keep their titles.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails is { Status: 400 } p && (p.Title == "Bad Request" || c.Exception is BadHttpRequestException))
            {
                p.Title = "请求格式不正确";
                p.Detail = "有参数或字段的值类型不正确（如日期、数字、是否的格式有误），请检查后重试";
            }
        });
        services.AddExceptionHandler<ExceptionMapping>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi();
        services.AddForwardedHeadersFromProxies(builder.Configuration);

        var app = builder.Build();
        app.UseBrowserProtection();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // "/m" is the members' app at "/m/" (a route template would match "/m/" too and redirect it to itself).
        app.Use((ctx, next) =>
        {
            if (ctx.Request.Path.Value != "/m") return next(ctx);
            ctx.Response.Redirect("/m/" + ctx.Request.QueryString);
            return Task.CompletedTask;
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // A missing file (/favicon.ico, /x.png) is a 404 for everyone, not a sign-in prompt. (A fallback
        // endpoint would not do: static files are served only where routing selected no endpoint.)
        app.Use((ctx, next) =>
        {
            if (ctx.GetEndpoint() is null && Path.HasExtension(ctx.Request.Path.Value)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
            return next(ctx);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).AllowAnonymous().WithTags("Health");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();

        var api = app.MapGroup("/api")
            .AddEndpointFilter<AntiforgeryFilter>()
            .AddEndpointFilter<PasswordChangeGate>()
            .AddEndpointFilter<MemberGate>()
            .AddEndpointFilterFactory(Common.Validation.TextLimitFilter.Create);
        AuthEndpoints.Map(api);
        RegionEndpoints.Map(api);
        Features.OrgUnits.OrgUnitEndpoints.Map(api);
        UserEndpoints.Map(api);
        DictionaryEndpoints.Map(api);
        AuditEndpoints.Map(api);
        FigureEndpoints.Map(api);
        ImportEndpoints.Map(api);
        ExportJobEndpoints.Map(api);
        AccountEndpoints.Map(api);
        PositionEndpoints.Map(api);
        OrganizationEndpoints.Map(api);
        HelpRequestEndpoints.Map(api);
        DashboardEndpoints.Map(api);
        MemberEndpoints.Map(api);
        Features.TaskPlans.TaskPlanEndpoints.Map(api);
        NotificationEndpoints.Map(api);
        LiaisonEndpoints.Map(api);
        ContactLogEndpoints.Map(api);
        AttachmentEndpoints.Map(api);

        // Unknown /api routes are 404 problems, everything else is the single-page app.
        app.MapFallback("/api/{**rest}", () => Problems.NotFound("接口")).AllowAnonymous();
        // The members' phone app (/m/ and its deep links) is the second entry of the same front end.
        app.MapFallbackToFile("/m/{**rest}", "m/index.html").AllowAnonymous();
        app.MapFallbackToFile("index.html").AllowAnonymous();
        return app;
    }
}

public sealed record HealthResponse(string Status);
