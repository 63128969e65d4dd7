using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Features.Liaison;
using Tongxin.Features.Members;
using Tongxin.Features.Notifications;
using Tongxin.Tests.Features.Liaison;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Notifications;

/// <summary>
/// The reminder rules other features add: cadres' contact due/overdue, assigned figures' birthdays, invitations about
/// to expire. Each: raised for the right user when the condition holds, not otherwise, once per period (the job run
/// twice), and not when the user switched the kind off.
/// </summary>
public abstract class ReminderRuleTests(TestApp app)
{
    private static DateOnly Today => LiaisonFixtures.Today;

    private async Task<(string Id, string Name, ApiClient Client)> NewUser(string role, string region)
    {
        var name = "r_" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user.Id;
        });
        return (id, name, await app.SignInFresh(name, TestApp.Password));
    }

    private static async Task SwitchOff(ApiClient client, string kind) =>
        await ApiClient.ReadJson(await client.PutAsync("/api/me/notification-settings", new { items = new[] { new { kind, enabled = false } } }));

    private Task Run(IReminderRule rule, DateTime nowUtc) =>
        app.WithDb((_, sp) => new ReminderJob(rule).RunAsync(sp, nowUtc, CancellationToken.None));

    /// <summary>Runs the rule twice (an hour apart, the same period).</summary>
    private async Task RunTwice(IReminderRule rule)
    {
        var now = DateTime.UtcNow;
        await Run(rule, now);
        await Run(rule, now.AddMinutes(30));
    }

    private Task<List<string>> Titles(string userId, string kind) =>
        app.WithDb((db, _) => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Kind == kind).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..4];

    // ---- contact due / overdue (cadres) ----

    /// <summary>A figure without a key level (365 days) assigned to the cadre so that its contact falls due on <paramref name="due"/>.</summary>
    private async Task<string> AssignedDueOn(string cadreId, DateOnly due)
    {
        var name = Unique("联系");
        var figure = await app.CreateFigure("staff_city", new { name, regionCode = "510502" });
        await app.Assign(figure, cadreId, due.AddDays(-365));
        return name;
    }

    [Fact]
    public async Task Contact_due_and_overdue_remind_the_assigned_cadre_once_per_due_date()
    {
        var (cadre, _, _) = await NewUser(Roles.Cadre, "510500");
        var (other, _, _) = await NewUser(Roles.Cadre, "510500");
        var soon = await AssignedDueOn(cadre, Today.AddDays(5));
        var overdue = await AssignedDueOn(cadre, Today.AddDays(-3));
        var notYet = await AssignedDueOn(cadre, Today.AddDays(60));

        var rule = new ContactDueReminder();
        await RunTwice(rule);
        await Run(rule, DateTime.UtcNow.AddDays(1)); // another day, the same due dates: nothing new

        var titles = await Titles(cadre, ContactDueReminder.KindCode);
        Assert.Equal(2, titles.Count);
        Assert.Single(titles, t => t.Contains(soon) && t.StartsWith("请于", StringComparison.Ordinal));
        Assert.Single(titles, t => t.Contains(overdue) && t.Contains("已超期", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains(notYet));
        Assert.Empty(await Titles(other, ContactDueReminder.KindCode));
    }

    [Fact]
    public async Task Contact_due_is_not_raised_for_an_ended_assignment_or_a_cadre_who_switched_it_off()
    {
        var (cadre, _, client) = await NewUser(Roles.Cadre, "510500");
        var (quiet, _, quietClient) = await NewUser(Roles.Cadre, "510500");
        await SwitchOff(quietClient, ContactDueReminder.KindCode);
        await AssignedDueOn(quiet, Today.AddDays(-1));

        var figure = await app.CreateFigure("staff_city", new { name = Unique("结束"), regionCode = "510502" });
        var assignment = await app.Assign(figure, cadre, Today.AddDays(-400));
        var staff = await app.As("staff_city");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await staff.PostAsync($"/api/liaison/assignments/{assignment}/end",
            new { endOn = Today.ToString("yyyy-MM-dd"), reason = "工作调整" })).StatusCode);

        // A figure who left the registry (退出) while still assigned: nobody is to contact them any more.
        var left = await app.CreateFigure("staff_city", new { name = Unique("退出"), regionCode = "510502" });
        await app.Assign(left, cadre, Today.AddDays(-400));
        // Through the app's own withdrawal, whose write effects keep the assignment's copy of the status (decision 0015).
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/figures/{left}?status=left&reason=本人申请")).StatusCode);

        await RunTwice(new ContactDueReminder());
        Assert.Empty(await Titles(cadre, ContactDueReminder.KindCode));
        Assert.Empty(await Titles(quiet, ContactDueReminder.KindCode));
        Assert.Equal(0, (await client.GetJson("/api/notifications/unread-count"))["count"]!.GetValue<int>());
    }

    // ---- assigned figures' birthdays (cadres) ----

    [Fact]
    public async Task An_assigned_figures_birthday_reminds_its_cadres_once_that_day()
    {
        var (cadre, _, _) = await NewUser(Roles.Cadre, "510500");
        var (unassigned, _, _) = await NewUser(Roles.Cadre, "510500");
        var (quiet, _, quietClient) = await NewUser(Roles.Cadre, "510500");
        await SwitchOff(quietClient, AssignedBirthdayReminder.KindCode);

        var name = Unique("寿星");
        var figure = await app.CreateFigure("staff_city", new { name, regionCode = "510502", birthDate = $"1975-{Today:MM-dd}" });
        var tomorrow = await app.CreateFigure("staff_city", new { name = Unique("明天"), regionCode = "510502", birthDate = $"1975-{Today.AddDays(1):MM-dd}" });
        await app.Assign(figure, cadre, Today.AddDays(-10));
        await app.Assign(figure, quiet, Today.AddDays(-10));
        await app.Assign(tomorrow, cadre, Today.AddDays(-10));

        await RunTwice(new AssignedBirthdayReminder());

        var titles = await Titles(cadre, AssignedBirthdayReminder.KindCode);
        Assert.Equal([$"今天是{name}的生日"], titles);
        Assert.Empty(await Titles(unassigned, AssignedBirthdayReminder.KindCode));
        Assert.Empty(await Titles(quiet, AssignedBirthdayReminder.KindCode));
        var link = await app.WithDb((db, _) => db.Notifications.Where(n => n.UserId == cadre && n.Kind == AssignedBirthdayReminder.KindCode).Select(n => n.Link).SingleAsync());
        Assert.Equal($"/figures/{figure}", link);
    }

    // ---- invitations about to expire (the staff user who invited) ----

    private async Task<(long InvitationId, string Name)> Invitation(ApiClient staff, TimeSpan expiresIn)
    {
        var name = Unique("邀请");
        var figure = await app.CreateFigure("staff_city", new { name, regionCode = "510502" });
        var created = await ApiClient.ReadJson(await staff.PostAsync("/api/invitations", new { figureIds = new[] { figure } }));
        var id = created[0]!["invitationId"]!.GetValue<long>();
        var expiresAt = DateTime.UtcNow + expiresIn;
        await app.WithDb((db, _) => db.Invitations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, expiresAt)));
        return (id, name);
    }

    [Fact]
    public async Task An_invitation_about_to_expire_reminds_the_staff_user_who_made_it_once()
    {
        var (staff, _, staffClient) = await NewUser(Roles.Staff, "510502");
        var (colleague, _, _) = await NewUser(Roles.Staff, "510502");
        var (_, expiring) = await Invitation(staffClient, TimeSpan.FromDays(1));
        var (_, later) = await Invitation(staffClient, TimeSpan.FromDays(5));
        var (revokedId, revoked) = await Invitation(staffClient, TimeSpan.FromDays(1));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await staffClient.PostAsync($"/api/invitations/{revokedId}/revoke")).StatusCode);

        var rule = new InvitationExpiryReminder();
        await RunTwice(rule);
        await Run(rule, DateTime.UtcNow.AddHours(12)); // still pending and expiring: not again

        var titles = await Titles(staff, InvitationExpiryReminder.KindCode);
        Assert.Equal([$"{expiring}的激活邀请即将过期"], titles);
        Assert.DoesNotContain(titles, t => t.Contains(later) || t.Contains(revoked));
        Assert.Empty(await Titles(colleague, InvitationExpiryReminder.KindCode));
    }

    [Fact]
    public async Task An_invitation_reminder_is_not_raised_for_staff_who_switched_it_off()
    {
        var (staff, _, staffClient) = await NewUser(Roles.Staff, "510502");
        await SwitchOff(staffClient, InvitationExpiryReminder.KindCode);
        await Invitation(staffClient, TimeSpan.FromDays(1));
        await RunTwice(new InvitationExpiryReminder());
        Assert.Empty(await Titles(staff, InvitationExpiryReminder.KindCode));
    }
}

public sealed class ReminderRuleTestsOnSqlite(SqliteApp app) : ReminderRuleTests(app), IClassFixture<SqliteApp>;
public sealed class ReminderRuleTestsOnPostgres(PostgresApp app) : ReminderRuleTests(app), IClassFixture<PostgresApp>;
