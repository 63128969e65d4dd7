using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Features.Liaison;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

/// <summary>
/// The stored <see cref="Assignment.LastContactOn"/> and <see cref="Assignment.NextDueOn"/> match a plain recomputation
/// from the contact logs and the rules after every kind of write: logs added, moved and deleted, assignments made,
/// ended and reassigned, a key level changed (edit, the import's bulk writer, withdrawal) and the rules changed.
/// </summary>
public abstract class DueDateConsistencyTests(TestApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static DateOnly Today => LiaisonFixtures.Today;
    private readonly List<long> _figures = [];

    private object Log(long figureId, DateOnly date, string? cadreUserId = null, int? version = null) =>
        new { figureId, date = Day(date), way = "visit", participants = "张部长", summary = "走访", followUp = "", cadreUserId, version };

    /// <summary>Every assignment of the test's figures (active ones after a rule change) against the recomputation.</summary>
    private Task Check(string step) => app.WithDb(async (db, _) =>
    {
        var rules = await ContactRules.Load(db);
        var rows = await db.LiaisonAssignments.AsNoTracking().IgnoreQueryFilters().Where(a => _figures.Contains(a.FigureId))
            .Select(a => new { a.Id, a.FigureId, a.CadreUserId, a.StartOn, a.EndOn, a.Figure!.KeyLevel, a.LastContactOn, a.NextDueOn }).ToListAsync();
        var logs = await db.ContactLogs.AsNoTracking().IgnoreQueryFilters().Where(l => _figures.Contains(l.FigureId))
            .Select(l => new { l.FigureId, l.CadreUserId, l.Date }).ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var a in rows.Where(a => a.EndOn == null))
        {
            var last = logs.Where(l => l.FigureId == a.FigureId && l.CadreUserId == a.CadreUserId).Select(l => (DateOnly?)l.Date).Max();
            var next = rules.NextDue(a.KeyLevel, a.StartOn, last);
            Assert.True(last == a.LastContactOn && next == a.NextDueOn,
                $"{step}: assignment {a.Id} stored ({a.LastContactOn}, {a.NextDueOn}), expected ({last}, {next})");
        }
        return 0;
    });

    [Fact]
    public async Task Stored_due_dates_match_a_recomputation_after_every_kind_of_write()
    {
        var c1 = await app.User("cadre_due_a", Roles.Cadre, "510500");
        var c2 = await app.User("cadre_due_b", Roles.Cadre, "510500");
        var f1 = await app.CreateFigure("staff_city", new { name = "到期一致甲", regionCode = "510502", keyLevel = "city" });
        var f2 = await app.CreateFigure("staff_city", new { name = "到期一致乙", regionCode = "510502", keyLevel = "district" });
        var f3 = await app.CreateFigure("staff_city", new { name = "到期一致丙", regionCode = "510503" });
        _figures.AddRange([f1, f2, f3]);
        var staff = await app.As("staff_city");

        // Assignments made.
        var a11 = await app.Assign(f1, c1, Today.AddDays(-200));
        await app.Assign(f2, c1, Today.AddDays(-30));
        await app.Assign(f3, c2, Today.AddDays(-400));
        await app.Assign(f1, c2, Today.AddDays(-10));
        await Check("assigned");

        // Logs added through the API (the cadre's own, and staff's for a cadre), then one moved in date, cadre and figure.
        var cadre = await app.As("cadre_due_a");
        var l1 = (await ApiClient.ReadJson(await cadre.PostAsync("/api/contact-logs", Log(f1, Today.AddDays(-50))), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var l2 = (await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", Log(f1, Today.AddDays(-20), c1)), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var l3 = (await ApiClient.ReadJson(await staff.PostAsync("/api/contact-logs", Log(f3, Today.AddDays(-5), c2)), HttpStatusCode.Created))["id"]!.GetValue<long>();
        await Check("logged");
        var version = (await staff.GetJson($"/api/contact-logs/{l2}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsync($"/api/contact-logs/{l2}", Log(f1, Today.AddDays(-60), c1, version))).StatusCode);
        await Check("log date changed");
        await app.WithDb(async (db, _) =>
        {
            var log = await db.ContactLogs.SingleAsync(l => l.Id == l1);
            log.CadreUserId = c2;
            await db.SaveChangesAsync();
            var other = await db.ContactLogs.SingleAsync(l => l.Id == l3);
            other.FigureId = f2;
            other.CadreUserId = c1;
            await db.SaveChangesAsync();
            return 0;
        });
        await Check("log moved to another cadre and figure");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/contact-logs/{l1}")).StatusCode);
        await Check("log deleted");

        // An assignment ended, then a cadre's figures reassigned (the new ones start today).
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/liaison/assignments/{a11}/end", new { endOn = Day(Today), reason = "调整" })).StatusCode);
        await Check("ended");
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/liaison/assignments/reassign",
            new { fromCadreUserId = c2, toCadreUserId = c1, startOn = Day(Today), reason = "调岗" })).StatusCode);
        await Check("reassigned");

        // Key levels changed: a plain save, the import's bulk writer, a withdrawal and a return.
        await app.WithDb(async (db, _) =>
        {
            (await db.Figures.SingleAsync(f => f.Id == f3)).KeyLevel = "city";
            await db.SaveChangesAsync();
            return 0;
        });
        await Check("key level edited");
        await app.WithDb(async (db, _) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Figures.SingleAsync(f => f.Id == f2)).KeyLevel = null;
            (await db.Figures.SingleAsync(f => f.Id == f1)).KeyLevel = "district";
            await ChangedFigureWriter.WriteAsync(db, new ImportPhases(), CancellationToken.None);
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
            return 0;
        });
        await Check("key level imported");
        await app.WithDb(async (db, _) =>
        {
            var f = await db.Figures.SingleAsync(x => x.Id == f2);
            f.Withdraw(FigureStatus.Left, "退出");
            f.KeyLevel = "city";
            await db.SaveChangesAsync();
            return 0;
        });
        await Check("withdrawn");

        // The rules changed: every active assignment follows, including "no rule at all" (never due, null).
        var admin = await app.As("admin_city");
        object Rules(params (string Code, string Label)[] items) =>
            new { items = items.Select((x, i) => new { code = x.Code, label = x.Label, sortOrder = i + 1, isEnabled = true }).ToArray() };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/api/dictionaries/contactRule", Rules(("city", "30天"), ("district", "60"), ("none", "365")))).StatusCode);
        await Check("rules changed");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/api/dictionaries/contactRule", Rules(("city", "45")))).StatusCode);
        await Check("rules without a fallback");
        Assert.True(await app.WithDb((db, _) => db.LiaisonAssignments.IgnoreQueryFilters().AnyAsync(a => _figures.Contains(a.FigureId) && a.EndOn == null && a.NextDueOn == null)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/api/dictionaries/contactRule", Rules(("city", "90"), ("district", "180"), ("none", "365")))).StatusCode);
        await Check("rules restored");
    }
}

public sealed class DueDateConsistencyTestsOnSqlite(SqliteApp app) : DueDateConsistencyTests(app), IClassFixture<SqliteApp>;
public sealed class DueDateConsistencyTestsOnPostgres(PostgresApp app) : DueDateConsistencyTests(app), IClassFixture<PostgresApp>;
