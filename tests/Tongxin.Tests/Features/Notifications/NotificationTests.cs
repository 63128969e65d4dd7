using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Auth;
using Tongxin.Common.Jobs;
using Tongxin.Features.Notifications;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Notifications;

public abstract class NotificationTests(TestApp app)
{
    /// <summary>A user of its own per test (no test counts another's rows), signed in.</summary>
    private async Task<(string Id, ApiClient Client)> NewUser(string role, string region, long? orgUnitId = null)
    {
        var name = "n_" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, OrgUnitId = orgUnitId, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user.Id;
        });
        return (id, await app.SignInFresh(name, TestApp.Password));
    }

    private Task<int> Notify(string userId, string kind, string title, string? link = null) =>
        app.WithDb((_, sp) => sp.GetRequiredService<INotifier>().NotifyAsync([userId], kind, title, "正文", link));

    private static async Task<int> Unread(ApiClient client) => (await client.GetJson("/api/notifications/unread-count"))["count"]!.GetValue<int>();

    private static async Task SetBirthday(ApiClient client, bool enabled) =>
        await ApiClient.ReadJson(await client.PutAsync("/api/me/notification-settings", new { items = new[] { new { kind = "birthday", enabled } } }));

    [Fact]
    public async Task Another_users_notification_answers_404_and_is_not_listed()
    {
        var (owner, ownerClient) = await NewUser(Roles.Staff, "510502");
        var (_, other) = await NewUser(Roles.Staff, "510502");
        Assert.Equal(1, await Notify(owner, NotificationKinds.Notice, "只给一个人"));
        var items = (await ownerClient.GetJson("/api/notifications"))["items"]!.AsArray();
        var id = Assert.Single(items)!["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/{id}/read")).StatusCode);
        Assert.Empty((await other.GetJson("/api/notifications"))["items"]!.AsArray());
        Assert.Equal(0, await Unread(other));
        Assert.Equal(1, await Unread(ownerClient)); // the other's attempt changed nothing
    }

    [Fact]
    public async Task Read_and_read_all_bring_the_unread_count_down()
    {
        var (user, client) = await NewUser(Roles.Member, "510502");
        foreach (var title in new[] { "一", "二", "三" }) await Notify(user, NotificationKinds.Notice, title, "/notices/1");
        Assert.Equal(3, await Unread(client));
        var page = await client.GetJson("/api/notifications?pageSize=2");
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal(["三", "二"], page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        var newest = page["items"]![0]!["id"]!.GetValue<long>();

        var read = await ApiClient.ReadJson(await client.PostAsync($"/api/notifications/{newest}/read"));
        Assert.NotNull(read["readAt"]);
        Assert.Equal(2, await Unread(client));
        Assert.Equal(2, (await client.GetJson("/api/notifications?unread=true"))["total"]!.GetValue<int>());

        var all = await ApiClient.ReadJson(await client.PostAsync("/api/notifications/read-all"));
        Assert.Equal(2, all["count"]!.GetValue<int>());
        Assert.Equal(0, await Unread(client));
        Assert.Equal(3, (await client.GetJson("/api/notifications"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_switched_off_kind_is_not_created_and_notices_cannot_be_switched_off()
    {
        var (user, client) = await NewUser(Roles.Staff, "510502");
        var settings = (await client.GetJson("/api/me/notification-settings")).AsArray();
        Assert.False(settings.Single(s => s!["kind"]!.GetValue<string>() == "birthday")!["enabled"]!.GetValue<bool>()); // opt-in
        Assert.Equal(0, await Notify(user, NotificationKinds.Birthday, "默认关闭"));

        await SetBirthday(client, true);
        Assert.Equal(1, await Notify(user, NotificationKinds.Birthday, "已开启"));
        await SetBirthday(client, false);
        Assert.Equal(0, await Notify(user, NotificationKinds.Birthday, "又关闭"));
        Assert.Equal(["已开启"], (await client.GetJson("/api/notifications"))["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));

        var bad = await ApiClient.ReadJson(await client.PutAsync("/api/me/notification-settings",
            new { items = new object[] { new { kind = "notice", enabled = false }, new { kind = "nonsense", enabled = true } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["items[0].kind"]);
        Assert.NotNull(bad["errors"]!["items[1].kind"]);
    }

    private async Task<(string StaffId, ApiClient Staff, long FigureId)> BirthdayToday()
    {
        var (staff, client) = await NewUser(Roles.Staff, "510503");
        await SetBirthday(client, true);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var figure = await app.CreateFigure("staff_city", new { name = "寿星" + Guid.NewGuid().ToString("N")[..4], regionCode = "510503", birthDate = $"1980-{today:MM-dd}" });
        return (staff, client, figure);
    }

    private async Task<int> BirthdayRows(string userId, long figure) =>
        await app.WithDb((db, _) => db.Notifications.CountAsync(n => n.UserId == userId && n.Kind == NotificationKinds.Birthday && n.Link == $"/figures/{figure}"));

    [Fact]
    public async Task A_reminder_job_run_twice_in_the_same_period_reminds_once()
    {
        var (staff, client, figure) = await BirthdayToday();
        var (other, _) = await NewUser(Roles.Staff, "510503"); // not opted in
        var job = new ReminderJob(new BirthdayRule());
        var now = DateTime.UtcNow;
        await app.WithDb((_, sp) => job.RunAsync(sp, now, CancellationToken.None));
        await app.WithDb((_, sp) => job.RunAsync(sp, now.AddMinutes(1), CancellationToken.None));
        Assert.Equal(1, await BirthdayRows(staff, figure));
        Assert.Equal(0, await BirthdayRows(other, figure));
        var item = (await client.GetJson("/api/notifications"))["items"]![0]!;
        Assert.Equal($"/figures/{figure}", item["link"]!.GetValue<string>());
        Assert.Contains("生日", item["title"]!.GetValue<string>());
        var sent = await app.WithDb((db, _) => db.RemindersSent.AsNoTracking().SingleAsync(s => s.Rule == "birthday" && s.Subject == figure.ToString()));
        Assert.Equal(ReminderJob.LocalDay(now), sent.Period);
    }

    [Fact]
    public async Task Two_servers_running_the_reminders_at_once_remind_once()
    {
        var (staff, _, figure) = await BirthdayToday();
        // Two runners (each its own server identity) race for the job's period…
        var job = new ReminderJob(new BirthdayRule());
        var at = new DateTime(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var runners = Enumerable.Range(0, 2).Select(_ => new RecurringJobRunner(app.Factory.Services, [job], NullLogger<RecurringJobRunner>.Instance)).ToList();
        var ran = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync(at, CancellationToken.None))));
        Assert.Equal(1, ran.Count(r => r.Count == 1));
        // …and two runs that both got past the runner (a later period on each) race for the same reminders.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.WithDb((_, sp) => job.RunAsync(sp, CancellationToken.None)))));
        Assert.Equal(1, await BirthdayRows(staff, figure));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> Delivered(ApiClient staff, long id)
    {
        for (var i = 0; i < 100; i++)
        {
            var notice = await staff.GetJson($"/api/notices/{id}");
            if (notice["state"]!.GetValue<string>() is "done" or "failed") return notice;
            await Task.Delay(100);
        }
        throw new TimeoutException("notice not delivered");
    }

    [Fact]
    public async Task A_notice_reaches_its_audience_only_and_counts_reads()
    {
        var (inJy, jy) = await NewUser(Roles.Member, "510502");
        var (_, town) = await NewUser(Roles.Member, "510502001");
        var (_, nx) = await NewUser(Roles.Member, "510503");
        var (_, staffInJy) = await NewUser(Roles.Staff, "510502"); // not a member
        var staff = await app.As("staff_city");
        var published = await ApiClient.ReadJson(await staff.PostAsync("/api/notices",
            new { title = "江阳区通知", body = "请于周五前提交材料。", audience = new { kind = "members", regionCode = "510502" } }), HttpStatusCode.Accepted);
        var id = published["id"]!.GetValue<long>();
        var done = await Delivered(staff, id);
        Assert.Equal("done", done["state"]!.GetValue<string>());
        Assert.True(done["recipientCount"]!.GetValue<int>() >= 3); // member_jy and the two new ones (others of the fixture may add)
        Assert.Equal(0, done["readCount"]!.GetValue<int>());

        Assert.Equal(1, await Unread(jy));
        var mine = (await jy.GetJson("/api/notices"))["items"]!.AsArray();
        Assert.Contains(mine, n => n!["id"]!.GetValue<long>() == id && n["readCount"] is null);
        Assert.Contains((await town.GetJson("/api/notices"))["items"]!.AsArray(), n => n!["id"]!.GetValue<long>() == id);
        Assert.Empty((await nx.GetJson("/api/notices"))["items"]!.AsArray());
        Assert.Empty((await staffInJy.GetJson("/api/notifications"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await nx.GetAsync($"/api/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_cd")).GetAsync($"/api/notices/{id}")).StatusCode);

        var read = await jy.GetJson($"/api/notices/{id}");
        Assert.Equal("请于周五前提交材料。", read["body"]!.GetValue<string>());
        Assert.NotNull(read["readAt"]);
        await jy.GetJson($"/api/notices/{id}"); // a second read is not a second receipt
        Assert.Equal(0, await Unread(jy));
        Assert.Equal(1, (await staff.GetJson($"/api/notices/{id}"))["readCount"]!.GetValue<int>());
        var listed = (await staff.GetJson("/api/notices"))["items"]!.AsArray().Single(n => n!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(1, listed["readCount"]!.GetValue<int>());
        Assert.Equal(inJy, await app.WithDb((db, _) => db.Notifications.Where(n => n.NoticeId == id && n.ReadAt != null).Select(n => n.UserId).SingleAsync()));
    }

    [Fact]
    public async Task A_notice_to_an_org_unit_reaches_its_users()
    {
        var admin = await app.As("admin_city");
        var unit = (await ApiClient.ReadJson(await admin.PostAsync("/api/org-units", new { name = "通知测试单位" + Guid.NewGuid().ToString("N")[..4], kind = "memberUnit", regionCode = "510503" }),
            HttpStatusCode.Created))["id"]!.GetValue<long>();
        var (_, inUnit) = await NewUser(Roles.Unit, "510503", unit);
        var (_, outside) = await NewUser(Roles.Unit, "510503");
        var staff = await app.As("staff_city");
        var id = (await ApiClient.ReadJson(await staff.PostAsync("/api/notices",
            new { title = "单位通知", body = "内容", audience = new { kind = "orgUnit", orgUnitId = unit } }), HttpStatusCode.Accepted))["id"]!.GetValue<long>();
        Assert.Equal(1, (await Delivered(staff, id))["recipientCount"]!.GetValue<int>());
        Assert.Equal(1, await Unread(inUnit));
        Assert.Equal(0, await Unread(outside));

        var export = await staff.GetAsync("/api/notices/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await inUnit.GetAsync("/api/notices/export")).StatusCode);
    }

    [Fact]
    public async Task Bad_notices_are_refused_and_only_staff_publish()
    {
        var staff = await app.As("staff_jy");
        var bad = await ApiClient.ReadJson(await staff.PostAsync("/api/notices", new { title = "", body = "x", audience = new { kind = "everyone" } }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["title"]);
        Assert.NotNull(bad["errors"]!["audience.kind"]);
        var outside = await ApiClient.ReadJson(await staff.PostAsync("/api/notices", new { title = "t", body = "x", audience = new { kind = "members", regionCode = "510104" } }), HttpStatusCode.BadRequest);
        Assert.NotNull(outside["errors"]!["audience.regionCode"]);
        var member = await app.As("member_jy");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/notices", new { title = "t", body = "x", audience = new { kind = "members" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/notifications/unread-count")).StatusCode);
    }
}

public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;
public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
