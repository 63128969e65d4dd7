using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.AuditLog;

public abstract class AuditLogTests(TestApp app)
{
    [Fact]
    public async Task The_database_refuses_to_update_or_delete_recent_audit_lines()
    {
        await app.CreateFigure("staff_city", new { name = "审计不可改", regionCode = "510500" });
        await app.WithDb(async (db, _) =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                db.Database.IsNpgsql() ? "UPDATE \"AuditEntries\" SET \"Summary\" = 'x'" : "UPDATE AuditEntries SET Summary = 'x'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());
            return 0;
        });
        var count = await app.WithDb((db, _) => db.AuditEntries.CountAsync());
        Assert.True(count > 0);
    }

    [Fact]
    public async Task Lines_older_than_the_retention_can_be_purged_and_only_those()
    {
        await app.WithDb(async (db, _) =>
        {
            db.AuditEntries.Add(new Tongxin.Common.Audit.AuditEntry { At = DateTime.UtcNow.AddDays(-200), Action = "old-test-line" });
            await db.SaveChangesAsync();
            var cutoff = DateTime.UtcNow.AddDays(-186);
            var purged = await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync();
            Assert.Equal(1, purged);
            return 0;
        });
    }

    [Fact]
    public async Task Admin_reads_and_filters_the_log_and_staff_cannot()
    {
        await app.CreateFigure("staff_city", new { name = "日志可查", regionCode = "510500" });
        var admin = await app.As("admin");
        var page = await admin.GetJson("/api/audit?action=create&entityType=Figure&pageSize=5");
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("create", i!["action"]!.GetValue<string>()));
        Assert.True(page["total"]!.GetValue<int>() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("staff_city")).GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_logged_in_utc()
    {
        await app.SignInFresh("staff_nx", TestApp.Password);
        var line = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.Action == "login" && a.UserName == "staff_nx").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(DateTimeKind.Utc, line.At.Kind);
        Assert.True(Math.Abs((DateTime.UtcNow - line.At).TotalMinutes) < 5);
    }
}

public sealed class AuditLogTestsOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;
public sealed class AuditLogTestsOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;
