using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// The import's bulk writer for figures that exist already must leave exactly what SaveChanges leaves:
/// the same columns, versions, accounts and snapshots, search keys and audit lines.
/// </summary>
public abstract class ChangedFigureWriterTests(TestApp app)
{
    private static readonly DateOnly Day = new(2026, 5, 6);

    [Fact]
    public async Task Writes_what_SaveChanges_writes()
    {
        var name = ImportKit.Name();
        // A handle has one owner per platform, so the two figures' handles differ by a marker that Stored blanks out.
        var tracked = await Create(name, "Qa");
        var bulk = await Create(name, "Qb");
        var since = await app.WithDb((db, _) => db.AuditEntries.MaxAsync(a => a.Id));

        await Edit(tracked, "Qa", db => db.SaveChangesAsync());
        await Edit(bulk, "Qb", db => ChangedFigureWriter.WriteAsync(db, new ImportPhases(), CancellationToken.None));

        var expected = await Stored(tracked, since, "Qa");
        var actual = await Stored(bulk, since, "Qb");
        Assert.Equal(expected.Figure, actual.Figure);
        Assert.Equal(expected.Accounts, actual.Accounts);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Audit, actual.Audit);
        Assert.Contains("\"name\"", actual.Audit); // the rename is in the lines compared
    }

    [Fact]
    public async Task A_figure_changed_meanwhile_fails_the_write_and_leaves_it_as_it_was()
    {
        var id = await Create(ImportKit.Name(), "Qc");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDb(async (db, sp) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var figure = await db.Figures.Include(f => f.Accounts).SingleAsync(f => f.Id == id);
            figure.Workplace = "改名后的单位";
            // Another writer bumps the version after the import read the figure.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Figures\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}", id);
            await ChangedFigureWriter.WriteAsync(db, new ImportPhases(), CancellationToken.None);
            await tx.CommitAsync();
            return 0;
        }));
        Assert.Equal("旧单位", await app.WithDb((db, _) => db.Figures.Where(f => f.Id == id).Select(f => f.Workplace).SingleAsync()));
    }

    private Task<long> Create(string name, string marker) => app.WithDb(async (db, _) =>
    {
        var figure = new Figure { Name = name, RegionCode = "510503", Category = "主播", Workplace = "旧单位", Tags = ["带货"], EnrolledOn = Day };
        var account = new PlatformAccount { Platform = "douyin", Handle = "Writer_Old_" + marker, Url = "https://a.example/1" };
        account.Record(Day, 10, 20, 30, MetricSource.Staff);
        figure.Accounts.Add(account);
        figure.RecomputeAccountStats();
        db.Figures.Add(figure);
        await db.SaveChangesAsync();
        return figure.Id;
    });

    /// <summary>What an import does to a matched figure: new values, a renamed person, new metrics, a new account.</summary>
    private Task Edit(long id, string marker, Func<TongxinDb, Task> save) => app.WithDb(async (db, _) =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var figure = await db.Figures.Include(f => f.Accounts).ThenInclude(a => a.Snapshots).SingleAsync(f => f.Id == id);
        figure.Name += "新";
        figure.Category = "selfMedia";
        figure.Tags = ["带货", "非遗"];
        figure.Workplace = null;
        figure.Notes = "导入的备注";
        figure.PhoneCipher = "v1:k1:cipher";
        figure.PhoneHash = "hash";
        figure.PhoneMasked = "138****0000";
        var old = figure.Accounts.Single();
        old.Url = "https://a.example/2";
        old.Record(Day.AddDays(1), 1_500_000, 21, 31, MetricSource.Import);
        var added = new PlatformAccount { Platform = "kuaishou", Handle = "Writer_New_" + marker, HandleKey = "writer_new_" + marker.ToLowerInvariant(), FigureId = id };
        added.Record(Day.AddDays(1), 7, 8, 9, MetricSource.Import);
        figure.Accounts.Add(added);
        figure.RecomputeAccountStats();
        await save(db);
        await tx.CommitAsync();
        db.ChangeTracker.Clear();
        return 0;
    });

    private sealed record Row(string Figure, string Accounts, string Keys, string Audit);

    /// <summary>Everything stored about the figure, without its ids and times.</summary>
    private Task<Row> Stored(long id, long auditSince, string marker) => app.WithDb(async (db, _) =>
    {
        var f = await db.Figures.AsNoTracking().Include(x => x.Accounts).ThenInclude(a => a.Snapshots).SingleAsync(x => x.Id == id);
        var figure = JsonSerializer.Serialize(new
        {
            f.Name,
            f.SortKey,
            f.Category,
            f.Tags,
            f.Workplace,
            f.Notes,
            f.PhoneCipher,
            f.PhoneHash,
            f.PhoneMasked,
            f.MaxFollowers,
            f.AccountCount,
            f.Version,
            f.Status,
            f.RegionCode,
            f.EnrolledOn,
            Updated = f.UpdatedAt > f.CreatedAt,
        });
        var accounts = JsonSerializer.Serialize(f.Accounts.OrderBy(a => a.Platform).Select(a => new
        {
            a.Platform,
            a.Handle,
            a.HandleKey,
            a.Url,
            a.Followers,
            a.Likes,
            a.Works,
            a.MetricsDate,
            a.Version,
            Snapshots = a.Snapshots.OrderBy(s => s.Date).Select(s => new { s.Date, s.Followers, s.Likes, s.Works, s.Source }),
        }));
        var keys = string.Join(" ", (await db.FigureSearchKeys.AsNoTracking().Where(k => k.FigureId == id).ToListAsync())
            .Select(k => $"{k.Key}|{k.RegionCode}|{k.Status}|{k.SortKey}").Order(StringComparer.Ordinal));
        var accountIds = f.Accounts.Select(a => a.Id.ToString()).ToList();
        var snapshotIds = f.Accounts.SelectMany(a => a.Snapshots).Select(s => s.Id.ToString()).ToList();
        var lines = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > auditSince && (a.FigureId == id || (a.EntityType == nameof(MetricSnapshot) && snapshotIds.Contains(a.EntityId!))))
            .ToListAsync();
        // Each line names its own row: the figure, one of its accounts or one of their snapshots.
        Assert.All(lines, l => Assert.True(l.EntityId == id.ToString() || accountIds.Contains(l.EntityId!) || snapshotIds.Contains(l.EntityId!)));
        var audit = string.Join("\n", lines.Select(l => $"{l.Action} {l.EntityType} {l.Summary} {l.RegionCode} {l.Changes}").Order(StringComparer.Ordinal));
        string Blank(string text) => text.Replace(marker, "Q?").Replace(marker.ToLowerInvariant(), "q?");
        return new Row(Blank(figure), Blank(accounts), Blank(keys), Blank(audit));
    });
}

public sealed class ChangedFigureWriterTestsOnSqlite(SqliteApp app) : ChangedFigureWriterTests(app), IClassFixture<SqliteApp>;
public sealed class ChangedFigureWriterTestsOnPostgres(PostgresApp app) : ChangedFigureWriterTests(app), IClassFixture<PostgresApp>;
