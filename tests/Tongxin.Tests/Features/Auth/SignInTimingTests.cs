using Microsoft.Extensions.DependencyInjection;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

/// <summary>Its own server: the sign-in rate limit counts every attempt of a fixture.</summary>
public class SignInTimingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_unknown_user_costs_about_as_much_time_as_a_wrong_password()
    {
        // Not a speed budget: the two answers must not be told apart by time (a hash of nobody's is checked).
        async Task<double> Median(string user)
        {
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await app.Anonymous().PostAsync("/api/auth/login", new { userName = user, password = "wrong-password-" + i });
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(1);
        }
        await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Tongxin.Common.Auth.AppUser>>();
            await users.CreateAsync(new Tongxin.Common.Auth.AppUser { UserName = "timing_me", RegionCode = "510500", CreatedAt = DateTime.UtcNow }, TestApp.Password);
            return 0;
        });
        await Median("no_such_user_x");
        var unknown = await Median("no_such_user_y");
        var wrong = await Median("timing_me");
        Assert.True(unknown > 0.4 * wrong, $"unknown user {unknown:F1} ms against wrong password {wrong:F1} ms");
    }
}
