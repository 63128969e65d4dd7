using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;

namespace Tongxin.Common.Data;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="TongxinDb"/> on the configured provider, with scope and actor services.</summary>
    public static IServiceCollection AddTongxinData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(FieldProtector.LoadOrCreate(options.KeysDirectory));
        services.AddScoped<DataScopeHolder>();
        services.AddScoped<IDataScope>(sp => sp.GetRequiredService<DataScopeHolder>());
        services.AddScoped<CurrentActor>();
        if (options.IsPostgres)
            services.AddDbContext<TongxinDb, PostgresTongxinDb>(o => o.UseNpgsql(options.ConnectionString));
        else
            services.AddDbContext<TongxinDb, SqliteTongxinDb>(o => o.UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas()));
        return services;
    }
}
