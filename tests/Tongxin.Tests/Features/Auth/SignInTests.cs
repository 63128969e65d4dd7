using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

public abstract class SignInTests(TestApp app)
{
    [Fact]
    public async Task Login_with_wrong_password_is_401_and_logged()
    {
        var client = app.Anonymous();
        var response = await client.PostAsync("/api/auth/login", new { userName = "staff_nx", password = "wrong-password-123" });
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Tongxin.Features.Auth.Login.Failed, problem["title"]!.GetValue<string>());
        var logged = await app.WithDb((db, _) => Task.FromResult(db.AuditEntries.Count(a => a.Action == "login-failed" && a.UserName == "staff_nx")));
        Assert.True(logged >= 1);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/login", new { userName = "nobody-here", password = "whatever-password" });
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Tongxin.Features.Auth.Login.Failed, problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_requires_sign_in()
    {
        var response = await app.Anonymous().GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_reports_region_roles_and_permissions()
    {
        var client = await app.As("staff_jy");
        var me = await client.GetJson("/api/me");
        Assert.Equal("510502", me["regionCode"]!.GetValue<string>());
        Assert.Equal("四川省泸州市江阳区", me["regionName"]!.GetValue<string>());
        Assert.Contains("figures.write", me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain("users.manage", me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task State_changing_request_without_xsrf_header_is_refused()
    {
        var client = await app.SignInFresh("staff_city", TestApp.Password);
        client.SendXsrf = false;
        var response = await client.PostAsync("/api/figures", new { name = "无令牌", regionCode = "510500" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        client.SendXsrf = true;
        var ok = await client.PostAsync("/api/figures", new { name = "有令牌", regionCode = "510500" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_admin_can_unlock()
    {
        await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Tongxin.Common.Auth.AppUser>>();
            var u = new Tongxin.Common.Auth.AppUser { UserName = "lock_me", RegionCode = "510500", CreatedAt = DateTime.UtcNow };
            await users.CreateAsync(u, TestApp.Password);
            await users.AddToRoleAsync(u, "staff");
            return 0;
        });
        for (var i = 0; i < 5; i++)
            await app.Anonymous().PostAsync("/api/auth/login", new { userName = "lock_me", password = "not-the-password-" + i });
        var locked = await app.Anonymous().PostAsync("/api/auth/login", new { userName = "lock_me", password = TestApp.Password });
        var problem = await ApiClient.ReadJson(locked, HttpStatusCode.Unauthorized);
        // The same answer as an unknown user's after as many failures: a lockout does not tell that the account exists.
        for (var i = 0; i < 5; i++)
            await app.Anonymous().PostAsync("/api/auth/login", new { userName = "nobody_here", password = "not-the-password-" + i });
        var unknown = await ApiClient.ReadJson(await app.Anonymous().PostAsync("/api/auth/login", new { userName = "nobody_here", password = TestApp.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal(unknown["title"]!.GetValue<string>(), problem["title"]!.GetValue<string>());
        Assert.Contains("锁定", problem["title"]!.GetValue<string>());

        var admin = await app.As("admin");
        var list = await admin.GetJson("/api/users?q=lock_me");
        var id = list["items"]![0]!["id"]!.GetValue<string>();
        Assert.True(list["items"]![0]!["isLockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/unlock")).StatusCode);
        await app.SignInFresh("lock_me", TestApp.Password);
    }

    [Fact]
    public async Task User_created_by_admin_must_change_password_before_anything_else()
    {
        var admin = await app.As("admin");
        var created = await admin.PostAsync("/api/users", new { userName = "new_staff", password = "Initial-Password-77", displayName = "新同事", regionCode = "510502", roles = new[] { "staff" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var client = app.Anonymous();
        var login = await ApiClient.ReadJson(await client.PostAsync("/api/auth/login", new { userName = "new_staff", password = "Initial-Password-77" }));
        Assert.True(login["mustChangePassword"]!.GetValue<bool>());
        var blocked = await client.GetAsync("/api/figures");
        var problem = await ApiClient.ReadJson(blocked, HttpStatusCode.Forbidden);
        Assert.EndsWith("must-change-password", problem["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var weak = await client.PostAsync("/api/auth/change-password", new { currentPassword = "Initial-Password-77", newPassword = "short" });
        var weakProblem = await ApiClient.ReadJson(weak, HttpStatusCode.BadRequest);
        Assert.Contains("12", weakProblem["errors"]!["newPassword"]![0]!.GetValue<string>());
        var common = await client.PostAsync("/api/auth/change-password", new { currentPassword = "Initial-Password-77", newPassword = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);

        var changed = await client.PostAsync("/api/auth/change-password", new { currentPassword = "Initial-Password-77", newPassword = "A-much-better-passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/figures")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_grant_admin_or_create_users_outside_their_subtree()
    {
        var admin = await app.As("admin_city");
        var outside = await admin.PostAsync("/api/users", new { userName = "cd_user", password = "Initial-Password-77", regionCode = "510100", roles = new[] { "staff" } });
        var problem = await ApiClient.ReadJson(outside, HttpStatusCode.BadRequest);
        Assert.Equal("地区代码无效", problem["errors"]!["regionCode"]![0]!.GetValue<string>());
        var staff = await app.As("staff_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/users", new { userName = "x_user", password = "Initial-Password-77", regionCode = "510500", roles = new[] { "admin" } })).StatusCode);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_iterations()
    {
        var hash = await app.WithDb((db, _) => Task.FromResult(db.Users.Single(u => u.UserName == "staff_city").PasswordHash!));
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]); // Identity v3 format
        var iterations = (uint)(bytes[5] << 24 | bytes[6] << 16 | bytes[7] << 8 | bytes[8]);
        Assert.True(iterations >= 210_000, $"iterations {iterations}");
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await app.SignInFresh("staff_city", TestApp.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;
public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
