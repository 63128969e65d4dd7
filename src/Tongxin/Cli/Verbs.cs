using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Demo;
using Tongxin.Features.Auth;

namespace Tongxin.Cli;

/// <summary>The operator verbs of the one executable.</summary>
public static class Verbs
{
    private const string Usage = """
        Tongxin (同心) — usage:
          Tongxin [serve]                                   start the server (default)
          Tongxin migrate                                   apply database migrations
          Tongxin seed [--remove-demo]                      add the demo data, or remove it
          Tongxin user add --name N --password P --role R --region CODE [--display NAME]
          Tongxin user reset-password --name N --password P
          Tongxin import --file F.xlsx [--commit] [--region CODE] [--user NAME]   dry run unless --commit
          Tongxin export --file F.xlsx [--q TEXT] [--region CODE] [--user NAME] [--status all]
          Tongxin backup [--to DIR]                         SQLite: VACUUM INTO plus the keys and files
          Tongxin restore --from DIR [--data DIR]           put a backup back (server stopped)
          Tongxin purge-audit [--days N]                    delete audit lines older than N days (at least 186)
          Tongxin rebuild-tallies                           recompute the dashboard counts from the figures
        Configuration: appsettings.json or environment (Tongxin__Database=postgres, ConnectionStrings__Tongxin=...,
        Tongxin__DataDirectory=..., ASPNETCORE_URLS=http://0.0.0.0:5080, TONGXIN_ADMIN_PASSWORD=...).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = verb == "serve" && args.Length > 0 && args[0] == "serve" ? args[1..] : verb == "serve" ? args : args[1..];
        try
        {
            return verb switch
            {
                "serve" => await ServeAsync(rest),
                "migrate" => await WithServices(rest, false, (_, _) => Task.FromResult(0)),
                "seed" => await WithServices(rest, false, SeedAsync),
                "user" => await WithServices(rest, false, UserAsync),
                "import" => await WithServices(rest, false, CliImport.RunAsync),
                "export" => await WithServices(rest, false, CliExport.RunAsync),
                "backup" => await WithServices(rest, false, Backup.RunAsync),
                "restore" => await Restore.RunAsync(rest),
                "purge-audit" => await WithServices(rest, false, PurgeAudit),
                "rebuild-tallies" => await WithServices(rest, false, RebuildTallies),
                "help" or "--help" or "-h" => PrintUsage(0),
                _ => PrintUsage(2),
            };
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine($"无法启动 (cannot start): {e.Message}");
            return 2;
        }
    }

    private static int PrintUsage(int code)
    {
        Console.WriteLine(Usage);
        return code;
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var app = TongxinWeb.Build(args);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault() ?? "http://127.0.0.1:5080";
            Console.WriteLine();
            Console.WriteLine($"  同心 Tongxin is running: {url}");
            Console.WriteLine($"  API docs: {url}/scalar");
            Console.WriteLine("  Sign in as 'admin' (password printed above on first start, or TONGXIN_ADMIN_PASSWORD);");
            if (DemoSeeder.WasSeeded) Console.WriteLine($"  demo users (password {DemoSeeder.DemoPassword}): {string.Join(", ", DemoSeeder.DemoUserNames)}");
            Console.WriteLine("  Stop with Ctrl+C.");
            Console.WriteLine();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Runs a verb with the server's services, unrestricted scope, acting as "cli".</summary>
    private static async Task<int> WithServices(string[] args, bool seedDemo, Func<IServiceProvider, Options, Task<int>> verb)
    {
        var options = Options.Parse(args);
        await using var app = TongxinWeb.Build(options.HostArgs);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Tongxin.Cli");
        await DatabaseStartup.PrepareAsync(sp, app.Configuration, log, seedDemo, CancellationToken.None);
        sp.GetRequiredService<CurrentActor>().Use(null, "cli");
        return await verb(sp, options);
    }

    private static async Task<int> SeedAsync(IServiceProvider sp, Options o)
    {
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Tongxin.Seed");
        if (o.Has("remove-demo"))
        {
            var removed = await DemoSeeder.RemoveAsync(sp, CancellationToken.None);
            Console.WriteLine($"Removed demo data: {removed} records.");
            return 0;
        }
        var root = sp.GetRequiredService<IConfiguration>()["Tongxin:RootRegion:Code"] ?? "510000";
        if (await sp.GetRequiredService<TongxinDb>().Figures.AnyAsync(f => f.IsDemo))
        {
            Console.WriteLine("Demo data is already present.");
            return 0;
        }
        await DemoSeeder.SeedAsync(sp, root, log, CancellationToken.None);
        Console.WriteLine($"Demo data added. Demo users (password {DemoSeeder.DemoPassword}): {string.Join(", ", DemoSeeder.DemoUserNames)}");
        return 0;
    }

    private static async Task<int> UserAsync(IServiceProvider sp, Options o)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<TongxinDb>();
        var name = o.Required("name");
        var password = o.Required("password");
        switch (o.Positional.FirstOrDefault())
        {
            case "add":
                {
                    var role = o.Required("role");
                    if (!Roles.All.Contains(role)) throw new CliException($"unknown role '{role}' (one of {string.Join(", ", Roles.All)})");
                    var region = o.Required("region");
                    if (!await db.Regions.AnyAsync(r => r.Code == region)) throw new CliException($"unknown region code '{region}'");
                    var user = new AppUser { UserName = name, DisplayName = o.Get("display") ?? name, RegionCode = region, CreatedAt = DateTime.UtcNow };
                    var result = await users.CreateAsync(user, password);
                    if (!result.Succeeded) throw new CliException(string.Join("; ", result.Errors.Select(e => e.Description)));
                    await users.AddToRoleAsync(user, role);
                    await db.LogAsync("user-create", "User", user.Id, $"命令行创建用户 {name}（{role}）", region);
                    Console.WriteLine($"User '{name}' created ({role}, region {region}).");
                    return 0;
                }
            case "reset-password":
                {
                    var user = await users.FindByNameAsync(name) ?? throw new CliException($"no user '{name}'");
                    var error = await ChangePassword.PolicyError(users, user, password);
                    if (error is not null) throw new CliException(error);
                    user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
                    user.LockoutEnd = null;
                    user.AccessFailedCount = 0;
                    await users.UpdateSecurityStampAsync(user);
                    await users.UpdateAsync(user);
                    await db.LogAsync("user-reset-password", "User", user.Id, $"命令行重置用户 {name} 的密码", user.RegionCode);
                    Console.WriteLine($"Password of '{name}' reset; the account is unlocked.");
                    return 0;
                }
            default:
                throw new CliException("user verbs: add, reset-password");
        }
    }

    /// <summary>A repair: the triggers keep the tallies; this recomputes them all (e.g. after figures were loaded with the triggers dropped).</summary>
    private static async Task<int> RebuildTallies(IServiceProvider sp, Options o)
    {
        var db = sp.GetRequiredService<TongxinDb>();
        var started = DateTime.UtcNow;
        await Features.Dashboard.FigureTallies.RebuildAsync(db);
        Console.WriteLine($"Dashboard tallies rebuilt from {await db.Figures.CountAsync(f => f.Status == Features.Figures.FigureStatus.Active):N0} active figures in {(DateTime.UtcNow - started).TotalSeconds:F1} s.");
        return 0;
    }

    private static async Task<int> PurgeAudit(IServiceProvider sp, Options o)
    {
        var days = Common.Audit.AuditEntry.RetentionDays;
        if (o.Has("days") && !int.TryParse(o.Required("days"), out days)) throw new CliException("--days must be a whole number");
        var n = await Features.AuditLog.AuditPurge.RunAsync(sp.GetRequiredService<TongxinDb>(), days);
        Console.WriteLine($"Purged {n} audit lines older than {Math.Max(days, Common.Audit.AuditEntry.RetentionDays)} days.");
        return 0;
    }
}

public sealed class CliException(string message) : Exception(message);

/// <summary>"--key value" options and positional words; options the host knows are passed through.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> _values = new();
    public List<string> Positional { get; } = [];
    public string[] HostArgs { get; private set; } = [];

    public static Options Parse(string[] args)
    {
        var o = new Options();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--")) { o.Positional.Add(a); continue; }
            var key = a[2..];
            string? value = null;
            var eq = key.IndexOf('=');
            if (eq >= 0) { value = key[(eq + 1)..]; key = key[..eq]; }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--")) value = args[++i];
            // Configuration keys (--Tongxin:Database=postgres, --urls=...) go to the host.
            if (key.Contains(':') || key is "urls" or "environment") host.Add($"--{key}={value}");
            else o._values[key] = value;
        }
        o.HostArgs = host.ToArray();
        return o;
    }

    public bool Has(string key) => _values.ContainsKey(key);
    public string? Get(string key) => _values.GetValueOrDefault(key);
    public string Required(string key) => Get(key) is { Length: > 0 } v ? v : throw new CliException($"--{key} is required");
}
