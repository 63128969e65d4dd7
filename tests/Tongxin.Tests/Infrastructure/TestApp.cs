using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real server in memory on a fresh database per test class (copied from a migrated template),
/// with a small region tree and one user per role and region.
/// Regions: 510000 四川省 → 510500 泸州市 → 510502 江阳区 (→ 510502001 南城街道), 510503 纳溪区;
///          510000 → 510100 成都市 → 510104 锦江区.
/// </summary>
public abstract class TestApp : IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery-9";
    public const string AdminPassword = "Root-Password-For-Tests-1";

    public abstract Provider Provider { get; }
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tongxin-test-" + Guid.NewGuid().ToString("N")[..12]);
    /// <summary>The test database's connection string, for tests that hold a connection of their own.</summary>
    public string ConnectionString { get; private set; } = "";
    private string? _pgDatabase;
    private readonly Dictionary<string, ApiClient> _signedIn = new();

    public static readonly (string UserName, string Role, string Region)[] StandardUsers =
    [
        ("staff_city", Roles.Staff, "510500"),
        ("staff_jy", Roles.Staff, "510502"),
        ("staff_nx", Roles.Staff, "510503"),
        ("staff_town", Roles.Staff, "510502001"),
        ("staff_cd", Roles.Staff, "510100"),
        ("leader_city", Roles.Leader, "510500"),
        ("cadre_city", Roles.Cadre, "510500"),
        ("unit_city", Roles.Unit, "510500"),
        ("association_city", Roles.Association, "510500"),
        ("member_jy", Roles.Member, "510502"),
        ("admin_city", Roles.Admin, "510500"),
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = Provider == Provider.Sqlite
            ? await Templates.SqliteCopy(DataDirectory)
            : await Templates.PostgresCopy(_pgDatabase = "tx_" + Guid.NewGuid().ToString("N")[..16]);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Tongxin:Database", Provider == Provider.Sqlite ? "sqlite" : "postgres");
            b.UseSetting("ConnectionStrings:Tongxin", ConnectionString);
            b.UseSetting("Tongxin:DataDirectory", DataDirectory);
            b.UseSetting("Tongxin:SeedDemoOnFirstStart", "false");
            b.UseSetting("TONGXIN_ADMIN_PASSWORD", AdminPassword);
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        _ = Factory.Server; // start: runs migrations and creates admin
        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<DataScopeHolder>().Use(UnrestrictedScope.Instance);
        var db = sp.GetRequiredService<TongxinDb>();
        if (!db.Regions.Any(r => r.Code == "510500"))
        {
            db.Regions.AddRange(
                new Region { Code = "510500", Name = "泸州市", FullName = "四川省泸州市", ParentCode = "510000", Level = 2 },
                new Region { Code = "510502", Name = "江阳区", FullName = "四川省泸州市江阳区", ParentCode = "510500", Level = 3 },
                new Region { Code = "510502001", Name = "南城街道", FullName = "四川省泸州市江阳区南城街道", ParentCode = "510502", Level = 4 },
                new Region { Code = "510503", Name = "纳溪区", FullName = "四川省泸州市纳溪区", ParentCode = "510500", Level = 3 },
                new Region { Code = "510100", Name = "成都市", FullName = "四川省成都市", ParentCode = "510000", Level = 2 },
                new Region { Code = "510104", Name = "锦江区", FullName = "四川省成都市锦江区", ParentCode = "510100", Level = 3 });
            await db.SaveChangesAsync();
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, role, region) in StandardUsers)
        {
            if (await users.FindByNameAsync(name) is not null) continue;
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A fresh browser-like client that is not signed in.</summary>
    public ApiClient Anonymous()
    {
        var cookies = new CookieContainer();
        var http = Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        return new ApiClient(http, cookies);
    }

    /// <summary>Signs in once per user name and fixture (PBKDF2 at 210,000 iterations costs ~0.1 s a time).</summary>
    public async Task<ApiClient> As(string userName)
    {
        if (_signedIn.TryGetValue(userName, out var existing)) return existing;
        var client = await SignInFresh(userName, userName == "admin" ? AdminPassword : Password);
        _signedIn[userName] = client;
        return client;
    }

    public async Task<ApiClient> SignInFresh(string userName, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsync("/api/auth/login", new { userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Runs work against the database with the unrestricted scope (arranging data, asserting state).</summary>
    public async Task<T> WithDb<T>(Func<TongxinDb, IServiceProvider, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(UnrestrictedScope.Instance);
        return await work(scope.ServiceProvider.GetRequiredService<TongxinDb>(), scope.ServiceProvider);
    }

    /// <summary>Creates a figure through the API as the given user and returns its id.</summary>
    public async Task<long> CreateFigure(string asUser, object body)
    {
        var client = await As(asUser);
        var response = await client.PostAsync("/api/figures", body);
        var json = await ApiClient.ReadJson(response, HttpStatusCode.Created);
        return json["id"]!.GetValue<long>();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { }
    }
}

public sealed class SqliteApp : TestApp
{
    public override Provider Provider => Provider.Sqlite;
}

public sealed class PostgresApp : TestApp
{
    public override Provider Provider => Provider.Postgres;
}
