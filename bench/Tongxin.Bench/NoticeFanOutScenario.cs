using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Bench;

/// <summary>
/// A notice to 100,000 members (issue 22's budget: fanned out by the background job at ≥ 20,000 recipients/s, the
/// request answered at once). The members live in a district of their own, written in bulk before and removed after,
/// so the dataset is as it was for the next run.
/// </summary>
public static class NoticeFanOutScenario
{
    public const string Label = "HTTP notice fan-out";
    private const string District = "510598";

    public static async Task RunAsync(BenchConfig config, Report report, LoadClient staff, bool smoke)
    {
        var members = smoke ? 1_000 : 100_000;
        await AddMembersAsync(config, members);
        try
        {
            // One read first, so the POST's time is the request's own and not the cold server's first call.
            (await staff.Http.GetAsync("/api/notices")).EnsureSuccessStatusCode();
            var post = Stopwatch.StartNew();
            var response = await staff.Http.PostAsJsonAsync("/api/notices",
                new { title = "基准测试通知", body = "发给本区全体网络人士。", audience = new { kind = "members", regionCode = District } });
            var postMs = post.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            var accepted = response.StatusCode == System.Net.HttpStatusCode.Accepted;
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            var state = "queued";
            for (var i = 0; i < 1200 && state is "queued" or "running"; i++)
            {
                await Task.Delay(100);
                state = (await staff.Http.GetFromJsonAsync<JsonObject>($"/api/notices/{id}"))!["state"]!.GetValue<string>();
            }
            await using var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance);
            var notice = await db.Notices.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Id == id);
            var delivered = await db.Notifications.CountAsync(n => n.NoticeId == id);
            var seconds = notice.DeliveredAt is { } at ? (at - notice.CreatedAt).TotalSeconds : double.NaN;
            var rate = delivered / Math.Max(0.001, seconds);
            var ok = notice.State == "done" && delivered == members;
            report.Add(new Measurement($"{Label} to {members:N0} members", config.Provider, seconds * 1000, seconds * 1000, ok ? rate : 0, null, null,
                "≥ 20,000 recipients/s; 202 before the fan-out", ok && accepted && rate >= 20_000 && postMs < seconds * 1000,
                ok ? $"{delivered:N0} inbox rows in {seconds:F2} s; POST answered in {postMs:F0} ms"
                   : $"errors: state {notice.State}, {delivered:N0} of {members:N0} delivered"));
            await db.Notifications.Where(n => n.NoticeId == id).ExecuteDeleteAsync();
            await db.Notices.IgnoreQueryFilters().Where(n => n.Id == id).ExecuteDeleteAsync();
        }
        finally
        {
            await RemoveMembersAsync(config);
        }
    }

    private static async Task AddMembersAsync(BenchConfig config, int count)
    {
        await RemoveMembersAsync(config);
        await using var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance);
        db.Regions.Add(new Region { Code = District, Name = "基准区", FullName = "四川省泸州市基准区", ParentCode = "510500", Level = 3 });
        await db.SaveChangesAsync();
        var role = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var users = Enumerable.Range(0, count).Select(i => new AppUser
        {
            Id = $"fanout-{i:D7}",
            UserName = $"fanout_{i}",
            NormalizedUserName = $"FANOUT_{i}",
            RegionCode = District,
            CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync();
        await RawInsert.ExecuteAsync(db, users, RawInsert.ColumnsOf<AppUser>(db, includeKey: true), CancellationToken.None);
        var roles = users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = role }).ToList();
        await RawInsert.ExecuteAsync(db, roles, RawInsert.ColumnsOf<IdentityUserRole<string>>(db, includeKey: true), CancellationToken.None);
        await tx.CommitAsync();
    }

    private static async Task RemoveMembersAsync(BenchConfig config)
    {
        await using var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance);
        await db.UserRoles.Where(r => r.UserId.StartsWith("fanout-")).ExecuteDeleteAsync();
        await db.Users.Where(u => u.RegionCode == District).ExecuteDeleteAsync();
        await db.Regions.Where(r => r.Code == District).ExecuteDeleteAsync();
    }
}
