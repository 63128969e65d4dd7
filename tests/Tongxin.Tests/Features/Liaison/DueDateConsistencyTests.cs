using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Features.Liaison;
using Tongxin.Tests.Features.Imports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

/// <summary>
/// The stored <see cref="Assignment.LastContactOn"/> and <see cref="Assignment.NextDueOn"/> match a plain recomputation
/// from the contact logs and the rules after every kind of write: logs added, moved and deleted, assignments made,
/// ended and reassigned, a key level changed (edit, the import's bulk writer, withdrawal) and the rules changed; and the
/// copies of the figure's region and status (<see cref="Assignment.RegionCode"/>, <see cref="Assignment.FigureStatus"/>)
/// after a figure moves (edit, import, import undo), is withdrawn or comes back, which the due list's scope follows.
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
            .Select(a => new
            {
                a.Id,
                a.FigureId,
                a.CadreUserId,
                a.StartOn,
                a.EndOn,
                a.Figure!.KeyLevel,
                a.LastContactOn,
                a.NextDueOn,
                a.NextDueSort,
                a.RegionCode,
                a.FigureStatus,
                FigureRegion = a.Figure.RegionCode,
                a.Figure.Status,
            }).ToListAsync();
        var logs = await db.ContactLogs.AsNoTracking().IgnoreQueryFilters().Where(l => _figures.Contains(l.FigureId))
            .Select(l => new { l.FigureId, l.CadreUserId, l.Date }).ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var a in rows)
        {
            // Ended rows too: the copies follow the figure whatever the assignment's state.
            Assert.True(a.RegionCode == a.FigureRegion && a.FigureStatus == a.Status && a.NextDueSort == (a.NextDueOn ?? Assignment.NeverDue),
                $"{step}: assignment {a.Id} stored ({a.RegionCode}, {a.FigureStatus}, {a.NextDueSort}), expected ({a.FigureRegion}, {a.Status}, {a.NextDueOn})");
        }
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

    /// <summary>The figures of the test that a user's due list shows (all states, one large page).</summary>
    private async Task<List<long>> Due(string user, string query = "")
    {
        var json = await (await app.As(user)).GetJson($"/api/liaison/due?pageSize=100{query}");
        var ids = json["items"]!.AsArray().Select(i => i!["figureId"]!.GetValue<long>()).Where(_figures.Contains).ToList();
        return ids;
    }

    [Fact]
    public async Task The_due_list_follows_a_figure_moved_withdrawn_or_imported_and_orders_never_due_last()
    {
        var c = await app.User("cadre_due_move", Roles.Cadre, "510500");
        var idNumber = ImportKit.IdNumber();
        var name = ImportKit.Name();
        var f = await app.CreateFigure("staff_city", new { name, regionCode = "510502", keyLevel = "city", idNumber });
        var never = await app.CreateFigure("staff_city", new { name = ImportKit.Name(), regionCode = "510502" });
        _figures.AddRange([f, never]);
        await app.Assign(f, c, Today.AddDays(-200));
        await app.Assign(never, c, Today.AddDays(-10));
        await Check("assigned");
        Assert.Equal([f, never], await Due("staff_jy"));
        Assert.Empty(await Due("staff_nx"));
        // A user of another city sees none of the rows, with or without a region filter of theirs.
        Assert.Empty(await Due("staff_cd"));
        Assert.Empty(await Due("staff_cd", "&regionCode=510104"));
        Assert.Equal([f], await Due("staff_city", "&state=overdue&regionCode=510502"));

        // No rule for figures without a level: never due, null in the API, last in the default order and first in the reverse.
        var admin = await app.As("admin_city");
        object Rules(params (string Code, string Label)[] items) =>
            new { items = items.Select((x, i) => new { code = x.Code, label = x.Label, sortOrder = i + 1, isEnabled = true }).ToArray() };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/api/dictionaries/contactRule", Rules(("city", "90"), ("district", "180")))).StatusCode);
        await Check("no fallback rule");
        var jy = await app.As("staff_jy");
        var items = (await jy.GetJson("/api/liaison/due?pageSize=100"))["items"]!.AsArray().Where(i => _figures.Contains(i!["figureId"]!.GetValue<long>())).ToList();
        Assert.Equal([f, never], items.Select(i => i!["figureId"]!.GetValue<long>()));
        Assert.Null(items[1]!["nextDueOn"]);
        Assert.Equal("ok", items[1]!["state"]!.GetValue<string>());
        Assert.Equal([never, f], await Due("staff_jy", "&sort=-nextDueOn"));
        Assert.Equal([never], await Due("staff_jy", "&state=ok"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/api/dictionaries/contactRule", Rules(("city", "90"), ("district", "180"), ("none", "365")))).StatusCode);
        await Check("rules restored");

        // Moved to 纳溪区 by an edit: it leaves 江阳区's list and joins 纳溪区's.
        var staff = await app.As("staff_city");
        var version = (await staff.GetJson($"/api/figures/{f}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsync($"/api/figures/{f}", new { name, regionCode = "510503", keyLevel = "city", idNumber, version })).StatusCode);
        await Check("moved by an edit");
        Assert.Equal([never], await Due("staff_jy"));
        Assert.Equal([f], await Due("staff_nx"));
        Assert.Equal([never], await Due("staff_city", "&regionCode=510502"));

        // Moved back by an import (the bulk writer), then the import undone.
        var report = await ImportKit.Import(staff, new WorkbookBuilder().Row("姓名", "身份证号", "所属地区").Row(name, idNumber, "江阳区").Build());
        Assert.Equal(1, report["updated"]!.GetValue<int>());
        await Check("moved by an import");
        Assert.Equal([f, never], await Due("staff_jy"));
        Assert.Empty(await Due("staff_nx"));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/import-batches/{report["batchId"]!.GetValue<long>()}/undo")).StatusCode);
        await Check("import undone");
        Assert.Equal([never], await Due("staff_jy"));
        Assert.Equal([f], await Due("staff_nx"));

        // Withdrawn: on no one's list; back in the registry: listed again.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/figures/{f}?status=left&reason=退出")).StatusCode);
        await Check("withdrawn");
        Assert.Empty(await Due("staff_nx"));
        Assert.Empty(await Due("staff_city", "&regionCode=510503"));
        version = (await staff.GetJson($"/api/figures/{f}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/figures/{f}/restore", new { reason = "回来", version })).StatusCode);
        await Check("restored");
        Assert.Equal([f], await Due("staff_nx"));

        // Reassigned to another cadre: the new assignment carries the figure's region from the start.
        var c2 = await app.User("cadre_due_move_b", Roles.Cadre, "510500");
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/liaison/assignments/reassign",
            new { fromCadreUserId = c, toCadreUserId = c2, startOn = Day(Today), reason = "调岗" })).StatusCode);
        await Check("reassigned");
        Assert.Equal([f], await Due("staff_nx", $"&cadreUserId={c2}"));
        Assert.Equal([never], await Due("staff_jy", $"&cadreUserId={c2}"));
        Assert.Empty(await Due("staff_cd"));
    }
}

public sealed class DueDateConsistencyTestsOnSqlite(SqliteApp app) : DueDateConsistencyTests(app), IClassFixture<SqliteApp>;
public sealed class DueDateConsistencyTestsOnPostgres(PostgresApp app) : DueDateConsistencyTests(app), IClassFixture<PostgresApp>;
