using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// Files larger than one chunk: new figures go through the bulk writer, which must leave exactly what
/// change tracking would have left (rows, accounts, snapshots, search keys, audit lines) — or nothing.
/// </summary>
public abstract class BulkImportTests(TestApp app)
{
    private static readonly object?[] Header = ["姓名", "身份证号", "所属地区", "人士类别", "平台", "账号", "粉丝数"];

    private static object?[] Person(string name, string handle, long followers, string? id = null, string category = "主播") =>
        [name, id, "纳溪区", category, "抖音", handle, followers];

    [Fact]
    public async Task A_file_of_several_chunks_commits_every_row_with_accounts_keys_and_audit_lines()
    {
        const int rows = 4_500; // three chunks, still answered synchronously
        var people = Enumerable.Range(0, rows).Select(i => (Name: Name(), Handle: Unique("bulk_"), Followers: 1_000L + i)).ToList();
        var id = IdNumber();
        var file = new WorkbookBuilder().Row(Header)
            .Rows(people.Select((p, i) => Person(p.Name, p.Handle, p.Followers, i == 0 ? id : null)))
            .Build();
        var client = await app.As("staff_city");
        var report = await Import(client, file);
        Assert.Empty(Errors(report));
        Assert.True(report["committed"]!.GetValue<bool>());
        Assert.Equal(rows, report["created"]!.GetValue<int>());
        var batch = report["batchId"]!.GetValue<long>();

        await app.WithDb(async (db, _) =>
        {
            var figures = await db.Figures.AsNoTracking().Include(f => f.Accounts).ThenInclude(a => a.Snapshots)
                .Where(f => f.ImportBatchId == batch).ToListAsync();
            Assert.Equal(rows, figures.Count);
            Assert.Equal(rows, figures.Select(f => f.Id).Distinct().Count());
            var byHandle = people.ToDictionary(p => PlatformAccount.KeyOf(p.Handle));
            foreach (var f in figures)
            {
                var account = Assert.Single(f.Accounts);
                var person = byHandle[account.HandleKey];
                Assert.Equal(person.Name, f.Name);
                Assert.Equal(person.Followers, account.Followers);
                Assert.Equal(person.Followers, f.MaxFollowers);
                Assert.Equal("510503", f.RegionCode);
                Assert.False(string.IsNullOrEmpty(f.SortKey));
                Assert.Equal(0, f.Version);
                var snapshot = Assert.Single(account.Snapshots);
                Assert.Equal((person.Followers, MetricSource.Import), (snapshot.Followers, snapshot.Source));
            }
            var first = figures.Single(f => f.IdNumberHash != null);
            Assert.NotNull(first.IdNumberHash);
            Assert.DoesNotContain(id, first.IdNumberCipher);

            // Search keys: exactly the keys the indexer derives, for figures of every chunk.
            var ids = figures.Select(f => f.Id).ToList();
            var keys = (await db.FigureSearchKeys.AsNoTracking().Where(k => ids.Contains(k.FigureId)).ToListAsync())
                .ToLookup(k => k.FigureId);
            foreach (var f in figures)
            {
                var expected = FigureSearchIndexer.KeysFor(f.Name, f.Tags, f.Accounts.Select(a => a.HandleKey), [], f.Accounts.Select(a => a.Platform));
                Assert.Equal(expected.Order(StringComparer.Ordinal), keys[f.Id].Select(k => k.Key).Order(StringComparer.Ordinal));
                Assert.All(keys[f.Id], k => Assert.Equal((f.RegionCode, f.Status, f.SortKey, f.Category ?? ""), (k.RegionCode, k.Status, k.SortKey, k.Category)));
            }

            // One create line per figure, account and snapshot; sensitive values only marked as changed.
            var lines = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.Create && a.FigureId != null && ids.Contains(a.FigureId.Value)).ToListAsync();
            Assert.Equal(rows, lines.Count(l => l.EntityType == nameof(Figure)));
            Assert.Equal(rows, lines.Count(l => l.EntityType == nameof(PlatformAccount)));
            var snapshotIds = figures.SelectMany(f => f.Accounts).SelectMany(a => a.Snapshots).Select(s => s.Id.ToString()).ToList();
            Assert.Equal(rows, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(MetricSnapshot) && snapshotIds.Contains(a.EntityId!)));
            var line = lines.Single(l => l.EntityType == nameof(Figure) && l.FigureId == first.Id);
            Assert.Equal(first.Id.ToString(), line.EntityId);
            Assert.Equal(first.Name, line.Summary);
            Assert.Equal("staff_city", line.UserName);
            var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(line.Changes!)!;
            Assert.Equal(first.Name, changes["name"][1].GetString());
            Assert.Equal(AuditCollector.SensitiveMarker, changes["idNumber"][1].GetString());
            Assert.DoesNotContain(id, line.Changes);
            return 0;
        });

        // Importing the same file again matches every row: nothing new.
        var again = await Import(client, file);
        Assert.Equal((0, rows), (again["created"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>()));

        // Undo removes the bulk-written figures with their accounts and keys.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/import-batches/{batch}/undo")).StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.Figures.CountAsync(f => f.ImportBatchId == batch)));
        var handles = people.Take(50).Select(p => "h:" + PlatformAccount.KeyOf(p.Handle)).ToList();
        Assert.Equal(0, await app.WithDb((db, _) => db.FigureSearchKeys.CountAsync(k => handles.Contains(k.Key))));
    }

    [Fact]
    public async Task A_bad_row_in_the_last_chunk_leaves_nothing_of_the_earlier_chunks()
    {
        var people = Enumerable.Range(0, 4_200).Select(i => (Name: Name(), Handle: Unique("late_"))).ToList();
        var file = new WorkbookBuilder().Row(Header)
            .Rows(people.Select((p, i) => Person(p.Name, p.Handle, 10, category: i == people.Count - 1 ? "不存在的类别" : "主播")))
            .Build();
        var (figures, lines, keys) = await Counts();
        var report = await Import(await app.As("staff_city"), file);
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(people.Count + 1, Assert.Single(Errors(report)).Row);
        Assert.Equal((figures, lines, keys), await Counts());
        var handles = people.Select(p => PlatformAccount.KeyOf(p.Handle)).Take(500).ToList();
        Assert.Equal(0, await app.WithDb((db, _) => db.PlatformAccounts.CountAsync(a => handles.Contains(a.HandleKey))));

        // The rolled-back import's staged search keys went with it: the next import stages and merges its own.
        var next = (Name: Name(), Handle: Unique("next_"));
        var again = await Import(await app.As("staff_city"), new WorkbookBuilder().Row(Header).Row(Person(next.Name, next.Handle, 10)).Build());
        Assert.True(again["committed"]!.GetValue<bool>());
        var after = await Counts();
        Assert.Equal((figures + 1, keys + FigureSearchIndexer.KeysFor(next.Name, [], [PlatformAccount.KeyOf(next.Handle)], [], ["douyin"]).Count),
            (after.Figures, after.Keys));
    }

    [Fact]
    public async Task Bulk_audit_lines_are_the_ones_change_tracking_writes()
    {
        await app.WithDb(async (db, _) =>
        {
            var figure = new Figure
            {
                Name = "测审计",
                RegionCode = "510503",
                Gender = "女",
                Tags = ["带货", "非遗"],
                EnrolledOn = new DateOnly(2024, 3, 1),
                IdNumberCipher = "v1:k1:abc",
                IdNumberHash = "h",
                IdNumberMasked = "5105**",
                Category = "主播",
                MaxFollowers = 5,
            };
            var account = new PlatformAccount { Platform = "douyin", Handle = "Shen_Ji", HandleKey = "shen_ji", Followers = 5 };
            var snapshot = account.Record(new DateOnly(2025, 1, 2), 5, 6, 7, MetricSource.Import)!;
            figure.Accounts.Add(account);
            db.Figures.Add(figure);
            var tracked = AuditCollector.Collect(db.ChangeTracker).ToDictionary(p => p.Entity);
            Assert.Equal(3, tracked.Count);
            foreach (var entity in new object[] { figure, account, snapshot })
            {
                var bulk = AuditCollector.Created(entity, db.Model.FindEntityType(entity.GetType())!);
                var expected = tracked[entity];
                Assert.Equal((expected.Action, expected.EntityType, expected.Summary, expected.RegionCode),
                    (bulk.Action, bulk.EntityType, bulk.Summary, bulk.RegionCode));
                Assert.Equal(JsonSerializer.Serialize(expected.Changes), JsonSerializer.Serialize(bulk.Changes));
            }
            db.ChangeTracker.Clear();
            return 0;
        });
    }

    private Task<(int Figures, int Lines, int Keys)> Counts() => app.WithDb(async (db, _) =>
        (await db.Figures.CountAsync(), await db.AuditEntries.CountAsync(), await db.FigureSearchKeys.CountAsync()));
}

public sealed class BulkImportTestsOnSqlite(SqliteApp app) : BulkImportTests(app), IClassFixture<SqliteApp>;
public sealed class BulkImportTestsOnPostgres(PostgresApp app) : BulkImportTests(app), IClassFixture<PostgresApp>;
