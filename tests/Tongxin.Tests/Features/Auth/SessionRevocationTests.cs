using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Common.Http;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

/// <summary>
/// A session ends when it should: a copy of the cookie taken while it worked (as a thief would) is refused with
/// 401 at once after a sign-out, a password change in another session, an administrator's reset (the user then
/// signs in again and is sent to the change), disabling the user, a change of roles or region, and a lockout.
/// Sessions of other users carry on.
/// </summary>
public abstract class SessionRevocationTests(TestApp app)
{
    private const string NewPassword = "Another-Long-Passphrase-42";

    private Task<string> CreateUser(string name, string role = Roles.Staff, string region = "510502") => app.WithDb(async (_, sp) =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    });

    /// <summary>A second client holding a copy of the signed-in client's cookies.</summary>
    private ApiClient Copy(ApiClient original)
    {
        var cookies = new CookieContainer();
        foreach (Cookie c in original.Cookies.GetCookies(new Uri("http://localhost"))) cookies.Add(new Uri("http://localhost"), new Cookie(c.Name, c.Value, "/"));
        return new ApiClient(app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    private static async Task<HttpStatusCode> Status(ApiClient client) => (await client.GetAsync("/api/figures?pageSize=1")).StatusCode;

    /// <summary>Signs the user in and returns the session and a copy of its cookie, both working.</summary>
    private async Task<(ApiClient Session, ApiClient Copy)> SignedIn(string name, string password = TestApp.Password)
    {
        var session = await app.SignInFresh(name, password);
        var copy = Copy(session);
        Assert.Equal(HttpStatusCode.OK, await Status(session));
        Assert.Equal(HttpStatusCode.OK, await Status(copy));
        return (session, copy);
    }

    private async Task AssertEnded(ApiClient copy)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(copy));
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_a_copied_cookie_and_other_users_carry_on()
    {
        await CreateUser("sr_logout");
        await CreateUser("sr_bystander");
        var (session, copy) = await SignedIn("sr_logout");
        var (bystander, _) = await SignedIn("sr_bystander");
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/auth/logout")).StatusCode);
        await AssertEnded(copy);
        await AssertEnded(session);
        Assert.Equal(HttpStatusCode.OK, await Status(bystander));
    }

    [Fact]
    public async Task A_password_change_in_one_session_ends_the_others_and_keeps_the_changing_one()
    {
        await CreateUser("sr_change");
        var (other, otherCopy) = await SignedIn("sr_change");
        var (changing, changingCopy) = await SignedIn("sr_change");
        var changed = await changing.PostAsync("/api/auth/change-password", new { currentPassword = TestApp.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await AssertEnded(other);
        await AssertEnded(otherCopy);
        await AssertEnded(changingCopy); // the cookie from before the change
        Assert.Equal(HttpStatusCode.OK, await Status(changing)); // the changing session got a new one
    }

    [Fact]
    public async Task An_administrators_reset_ends_the_sessions_and_the_next_sign_in_must_change_the_password()
    {
        var id = await CreateUser("sr_reset");
        var (session, copy) = await SignedIn("sr_reset");
        var admin = await app.As("admin_city");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/reset-password", new { newPassword = NewPassword })).StatusCode);
        await AssertEnded(copy);
        await AssertEnded(session);
        var again = app.Anonymous();
        var login = await ApiClient.ReadJson(await again.PostAsync("/api/auth/login", new { userName = "sr_reset", password = NewPassword }));
        Assert.True(login["mustChangePassword"]!.GetValue<bool>());
        var gated = await ApiClient.ReadJson(await again.GetAsync("/api/figures?pageSize=1"), HttpStatusCode.Forbidden);
        Assert.Equal(Problems.MustChangePasswordType, gated["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disabling_a_user_ends_the_sessions_and_refuses_sign_in_until_enabled()
    {
        var id = await CreateUser("sr_disable");
        var (_, copy) = await SignedIn("sr_disable");
        var admin = await app.As("admin_city");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/disable")).StatusCode);
        await AssertEnded(copy);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/auth/login", new { userName = "sr_disable", password = TestApp.Password })).StatusCode);
        var listed = await admin.GetJson("/api/users?q=sr_disable");
        Assert.True(listed["items"]![0]!["isDisabled"]!.GetValue<bool>());
        // Unlock does not lift a disable; enable does.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/users/{id}/unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/enable")).StatusCode);
        await SignedIn("sr_disable");
        Assert.Equal(2, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.EntityId == id && (a.Action == "user-disable" || a.Action == "user-enable"))));
    }

    [Fact]
    public async Task Disable_and_enable_stay_within_the_callers_scope_and_not_oneself()
    {
        var outside = await CreateUser("sr_outside", region: "510100");
        var admin = await app.As("admin_city");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{outside}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{outside}/enable")).StatusCode);
        var self = await app.WithDb(async (db, _) => (await db.Users.FirstAsync(u => u.UserName == "admin_city")).Id);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/users/{self}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("staff_city")).PostAsync($"/api/users/{outside}/disable")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_roles_ends_the_sessions()
    {
        var id = await CreateUser("sr_role");
        var (_, copy) = await SignedIn("sr_role");
        var admin = await app.As("admin_city");
        var changed = await admin.PutAsync($"/api/users/{id}", new { regionCode = "510502", roles = new[] { Roles.Cadre } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await AssertEnded(copy);
        var again = await app.SignInFresh("sr_role", TestApp.Password);
        var me = await again.GetJson("/api/me");
        Assert.Equal([Roles.Cadre], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_change_of_region_ends_the_sessions()
    {
        var id = await CreateUser("sr_region");
        var (_, copy) = await SignedIn("sr_region");
        var admin = await app.As("admin_city");
        var changed = await admin.PutAsync($"/api/users/{id}", new { regionCode = "510503", roles = new[] { Roles.Staff } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await AssertEnded(copy);
        var again = await app.SignInFresh("sr_region", TestApp.Password);
        Assert.Equal("510503", (await again.GetJson("/api/me"))["regionCode"]!.GetValue<string>());
        // Not to a role that does not exist, not outside one's scope.
        var refused = await admin.PutAsync($"/api/users/{id}", new { regionCode = "510503", roles = new[] { "root" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var outside = await admin.PutAsync($"/api/users/{id}", new { regionCode = "510100", roles = new[] { Roles.Staff } });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }

    [Fact]
    public async Task A_lockout_by_failed_sign_ins_ends_the_sessions()
    {
        await CreateUser("sr_lockout");
        var (session, copy) = await SignedIn("sr_lockout");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/auth/login", new { userName = "sr_lockout", password = "wrong-guess-" + i })).StatusCode);
        await AssertEnded(copy);
        await AssertEnded(session);
    }

    [Fact]
    public async Task The_idle_renewal_does_not_keep_an_ended_session_alive()
    {
        // Many requests (each may renew the cookie) and then a sign-out elsewhere: the renewed copy is refused too.
        await CreateUser("sr_renewed");
        var (session, copy) = await SignedIn("sr_renewed");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, await Status(copy));
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/auth/logout")).StatusCode);
        await AssertEnded(copy);
    }
}

public sealed class SessionRevocationTestsOnSqlite(SqliteApp app) : SessionRevocationTests(app), IClassFixture<SqliteApp>;
public sealed class SessionRevocationTestsOnPostgres(PostgresApp app) : SessionRevocationTests(app), IClassFixture<PostgresApp>;
