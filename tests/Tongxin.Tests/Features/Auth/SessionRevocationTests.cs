using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

/// <summary>
/// The cookie is checked against the user's security stamp once Identity's validation interval has passed
/// (the server asks whether the check is due before building the validator): a session whose stamp was changed
/// (password reset, unlock by an administrator) ends then, and an untouched one carries on.
/// </summary>
public abstract class SessionRevocationTests(TestApp app)
{
    private sealed class Clock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_session_at_the_next_check_and_an_unchanged_one_carries_on()
    {
        var clock = new Clock();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));
        await CreateUser("stamp_kept");
        await CreateUser("stamp_revoked");
        var kept = await SignIn(factory, "stamp_kept");
        var revoked = await SignIn(factory, "stamp_revoked");
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/api/figures?pageSize=1")).StatusCode);

        await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByNameAsync("stamp_revoked"))!);
        });
        clock.Ahead = TimeSpan.FromMinutes(31);

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/figures?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/figures?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/me")).StatusCode);
    }

    private Task CreateUser(string name) => app.WithDb(async (_, sp) =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is not null) return true;
        var user = new AppUser { UserName = name, DisplayName = name, RegionCode = "510500", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Staff)).Succeeded);
        return true;
    });

    private static async Task<ApiClient> SignIn(WebApplicationFactory<Program> factory, string name)
    {
        var cookies = new CookieContainer();
        var client = new ApiClient(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
        var response = await client.PostAsync("/api/auth/login", new { userName = name, password = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}

public sealed class SessionRevocationTestsOnSqlite(SqliteApp app) : SessionRevocationTests(app), IClassFixture<SqliteApp>;
public sealed class SessionRevocationTestsOnPostgres(PostgresApp app) : SessionRevocationTests(app), IClassFixture<PostgresApp>;
