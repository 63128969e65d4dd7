using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tongxin.Tests.Features.Notifications;

/// <summary>
/// A notice to 20,000 members (users written in bulk, in a region of their own) reaches each exactly once, in the
/// background; the rate (recipients per second from publishing to delivered) is printed, not asserted (a shared machine).
/// </summary>
public abstract class NoticeFanOutRateTests(TestApp app, ITestOutputHelper output)
{
    private const int Members = 20_000;

    [Fact]
    public async Task A_notice_to_twenty_thousand_members_reaches_each_once()
    {
        await app.WithDb(async (db, _) =>
        {
            db.Regions.Add(new Common.Scope.Region { Code = "510521", Name = "泸县", FullName = "四川省泸州市泸县", ParentCode = "510500", Level = 3 });
            await db.SaveChangesAsync();
            var role = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var users = Enumerable.Range(0, Members).Select(i => new AppUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = $"fan_{i}",
                NormalizedUserName = $"FAN_{i}",
                RegionCode = "510521",
                CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            }).ToList();
            await using var tx = await db.Database.BeginTransactionAsync(); // one commit, not one per row on SQLite
            await RawInsert.ExecuteAsync(db, users, RawInsert.ColumnsOf<AppUser>(db, includeKey: true), CancellationToken.None);
            var roles = users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = role }).ToList();
            await RawInsert.ExecuteAsync(db, roles, RawInsert.ColumnsOf<IdentityUserRole<string>>(db, includeKey: true), CancellationToken.None);
            await tx.CommitAsync();
            return 0;
        });

        var staff = await app.As("staff_city");
        var id = (await ApiClient.ReadJson(await staff.PostAsync("/api/notices",
            new { title = "泸县通知", body = "全体网络人士", audience = new { kind = "members", regionCode = "510521" } }), HttpStatusCode.Accepted))["id"]!.GetValue<long>();
        for (var i = 0; i < 600 && (await staff.GetJson($"/api/notices/{id}"))["state"]!.GetValue<string>() is "queued" or "running"; i++) await Task.Delay(100);

        var notice = await app.WithDb((db, _) => db.Notices.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal("done", notice.State);
        Assert.Equal(Members, notice.RecipientCount);
        Assert.Equal(Members, await app.WithDb((db, _) => db.Notifications.CountAsync(n => n.NoticeId == id)));
        Assert.Equal(Members, await app.WithDb((db, _) => db.Notifications.Where(n => n.NoticeId == id).Select(n => n.UserId).Distinct().CountAsync()));
        var seconds = (notice.DeliveredAt!.Value - notice.CreatedAt).TotalSeconds;
        output.WriteLine($"{app.Provider}: {Members:N0} recipients in {seconds:F2} s = {Members / seconds:N0}/s");
    }
}

public sealed class NoticeFanOutRateTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : NoticeFanOutRateTests(app, output), IClassFixture<SqliteApp>;
public sealed class NoticeFanOutRateTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : NoticeFanOutRateTests(app, output), IClassFixture<PostgresApp>;
