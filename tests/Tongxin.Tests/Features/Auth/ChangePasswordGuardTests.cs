using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Features.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

/// <summary>Change-password is not a way to guess a password: failures lock, a locked account cannot change it, attempts are limited.</summary>
public class ChangePasswordGuardTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private Task CreateUser(string name) => app.WithDb(async (_, sp) =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, RegionCode = "510500", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Staff)).Succeeded);
        return 0;
    });

    [Fact]
    public async Task Wrong_current_passwords_lock_the_account_and_a_locked_account_cannot_change_it()
    {
        await CreateUser("cp_guess");
        var client = await app.SignInFresh("cp_guess", TestApp.Password);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await client.PostAsync("/api/auth/change-password", new { currentPassword = "guess-number-" + i, newPassword = "A-New-Long-Passphrase-9" });
        var problem = await ApiClient.ReadJson(last, HttpStatusCode.BadRequest);
        Assert.Equal(ChangePassword.LockedMessage, problem["errors"]!["currentPassword"]![0]!.GetValue<string>());
        // The lockout ended the session that guessed, so the right password does not help it either.
        var withTheRightOne = await client.PostAsync("/api/auth/change-password", new { currentPassword = TestApp.Password, newPassword = "A-New-Long-Passphrase-9" });
        Assert.Equal(HttpStatusCode.Unauthorized, withTheRightOne.StatusCode);
        // A fresh session of a locked account cannot change it: signing in is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/auth/login", new { userName = "cp_guess", password = "A-New-Long-Passphrase-9" })).StatusCode);
    }

    [Fact]
    public async Task Change_password_attempts_are_rate_limited_like_sign_in()
    {
        await CreateUser("cp_limited");
        await using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Tongxin:LoginAttemptsPerMinute", "2"));
        var cookies = new CookieContainer();
        var client = new ApiClient(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/auth/login", new { userName = "cp_limited", password = TestApp.Password })).StatusCode);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await client.PostAsync("/api/auth/change-password", new { currentPassword = "guess-" + i, newPassword = "A-New-Long-Passphrase-9" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }
}
