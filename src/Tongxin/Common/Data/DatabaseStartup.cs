using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Scope;
using Tongxin.Demo;

namespace Tongxin.Common.Data;

/// <summary>
/// Runs when the host starts (also under the test host): applies migrations, checks the embedded
/// database's durability settings, runs the features' <see cref="IStartupTask"/>s (tallies, search keys, the root
/// region, dictionaries…), and creates roles, the first administrator and, on an empty database, the demo data.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration config, ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await PrepareAsync(scope.ServiceProvider, config, log, seedDemo: config.GetValue("Tongxin:SeedDemoOnFirstStart", true), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task PrepareAsync(IServiceProvider sp, IConfiguration config, ILogger log, bool seedDemo, CancellationToken ct)
    {
        sp.GetRequiredService<DataScopeHolder>().Use(UnrestrictedScope.Instance);
        sp.GetRequiredService<CurrentActor>().Use(null, "system");
        var db = sp.GetRequiredService<TongxinDb>();
        // Migrations and one-off rebuilds of a province's tables take minutes, not the default 30 s.
        db.Database.SetCommandTimeout(0);
        // Several servers may start at once on one PostgreSQL: one prepares, the others wait for it as long as it takes.
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await WaitForStartupLockAsync(db, log, ct);
        }
        try
        {
            await PrepareLockedAsync(sp, db, config, log, seedDemo, ct);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(72720001)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task WaitForStartupLockAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var told = TimeSpan.Zero;
        while (!await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock(72720001) AS \"Value\"").SingleAsync(ct))
        {
            if (waiting.Elapsed - told >= TimeSpan.FromSeconds(10))
            {
                told = waiting.Elapsed;
                log.LogInformation("Waiting for another server to finish preparing the database ({Seconds:F0} s)", told.TotalSeconds);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static async Task PrepareLockedAsync(IServiceProvider sp, TongxinDb db, IConfiguration config, ILogger log, bool seedDemo, CancellationToken ct)
    {
        if (config.GetValue("Tongxin:AutoMigrate", true)) await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await AssertSqliteDurabilityAsync(db, ct);
        await Security.KeyChecks.VerifyAsync(db, sp.GetRequiredService<Security.FieldProtector>(), ct);
        foreach (var task in sp.GetServices<IStartupTask>().OrderBy(t => t.Order))
            await task.RunAsync(db, log, ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var (rootCode, _) = RootRegion(config);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var firstStart = !await users.Users.AnyAsync(ct);
        if (firstStart) await CreateAdminAsync(users, rootCode, config, log);
        if (firstStart && seedDemo) await DemoSeeder.SeedAsync(sp, rootCode, log, ct);
    }

    /// <summary>The region the installation serves (the first administrator's, the root of the region tree).</summary>
    public static (string Code, string Name) RootRegion(IConfiguration config) =>
        (config["Tongxin:RootRegion:Code"] ?? "510000", config["Tongxin:RootRegion:Name"] ?? "四川省");

    private static async Task CreateAdminAsync(UserManager<AppUser> users, string rootCode, IConfiguration config, ILogger log)
    {
        var given = config["TONGXIN_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(given) ? GeneratePassword() : given;
        var admin = new AppUser
        {
            UserName = "admin",
            DisplayName = "系统管理员",
            RegionCode = rootCode,
            CreatedAt = DateTime.UtcNow,
            // The operator chose TONGXIN_ADMIN_PASSWORD; a generated one must be replaced at first sign-in.
            MustChangePassword = string.IsNullOrEmpty(given),
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new ConfigurationException("TONGXIN_ADMIN_PASSWORD 不符合密码规则（" + string.Join("；", result.Errors.Select(e => e.Description))
                + "）：请设置至少 12 位、不含用户名、不是常见密码的密码后再启动 (the administrator password does not meet the policy).");
        await users.AddToRoleAsync(admin, Roles.Admin);
        if (string.IsNullOrEmpty(given))
        {
            // Printed once to the console only (never to the log files): the operator needs it to sign in.
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine($"  管理员账号 Administrator: admin   初始密码 Password: {password}");
            Console.WriteLine("  首次登录后须修改密码 (must be changed at first sign-in)");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
        else log.LogInformation("Administrator 'admin' created with the password from TONGXIN_ADMIN_PASSWORD");
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    private static async Task AssertSqliteDurabilityAsync(TongxinDb db, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var mode = (string?)await cmd.ExecuteScalarAsync(ct);
            cmd.CommandText = "PRAGMA synchronous";
            var sync = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || sync != 2)
                throw new InvalidOperationException($"SQLite must run with WAL and synchronous=FULL (found {mode}, {sync}).");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
