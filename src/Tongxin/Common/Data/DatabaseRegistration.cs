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
            AddPooled<PostgresTongxinDb>(services, o => o.UseNpgsql(options.ConnectionString));
        else
            AddPooled<SqliteTongxinDb>(services, o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()));
        return services;
    }

    /// <summary>
    /// Contexts come from EF's pool: a new context per request built EF's whole set of per-context services
    /// (query compiler, translators, DbSet map) each time, a large share of a profile request. Each request
    /// still has its own context for its lifetime, bound to its own scope and actor, and handed back on dispose.
    /// </summary>
    private static void AddPooled<T>(IServiceCollection services, Action<DbContextOptionsBuilder> configure) where T : TongxinDb
    {
        services.AddPooledDbContextFactory<T>(configure);
        services.AddScoped<TongxinDb>(sp => sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext()
            .Bind(sp.GetRequiredService<IDataScope>(), sp.GetRequiredService<CurrentActor>()));
    }
}
