using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

/// <summary>Users and figures the liaison tests arrange; names are unique per test so no test counts another's rows.</summary>
public static class LiaisonFixtures
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A user who can sign in with <see cref="TestApp.Password"/> (created once per fixture); returns the user id.</summary>
    public static Task<string> User(this TestApp app, string userName, string role, string region) => app.WithDb(async (db, sp) =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing) return existing.Id;
        var user = new AppUser { UserName = userName, DisplayName = userName, RegionCode = region, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user.Id;
    });

    public static Task<string> UserId(this TestApp app, string userName) =>
        app.WithDb((db, _) => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static async Task<long> Assign(this TestApp app, long figureId, string cadreUserId, DateOnly startOn, string asUser = "staff_city")
    {
        var client = await app.As(asUser);
        var json = await ApiClient.ReadJson(await client.PostAsync("/api/liaison/assignments",
            new { figureId, cadreUserId, startOn = startOn.ToString("yyyy-MM-dd") }), System.Net.HttpStatusCode.Created);
        return json["id"]!.GetValue<long>();
    }
}
