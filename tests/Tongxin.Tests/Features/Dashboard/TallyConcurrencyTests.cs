using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Common.Data;
using Tongxin.Features.Dashboard;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Dashboard;

/// <summary>
/// PostgreSQL only (SQLite has one writer at a time): a transaction that writes figures, such as a long import,
/// must not hold tally rows that every other figure write of the province needs; folding the appended changes,
/// even from two servers at once, keeps every count.
/// </summary>
public sealed class TallyConcurrencyTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static string Name() => "并发" + Guid.NewGuid().ToString("N")[..6];

    private Task<string> ConnectionString() => app.WithDb((db, _) => Task.FromResult(db.Database.GetConnectionString()!));

    private static async Task<int> Exec(NpgsqlConnection conn, string sql, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        return await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_open_figure_write_does_not_block_another_in_the_same_province()
    {
        var first = await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510502", category = "anchor" });
        var second = await app.CreateFigure("staff_city", new { name = Name(), regionCode = "510503", category = "anchor" });
        var cs = await ConnectionString();

        await using var importing = new NpgsqlConnection(cs);
        await importing.OpenAsync();
        await using var tx = await importing.BeginTransactionAsync();
        await Exec(importing, $"UPDATE \"Figures\" SET \"Category\" = 'writer' WHERE \"Id\" = {first}", tx);

        // The same tally keys (category anchor → writer under 510000 and 510500): with upserted tallies this waits
        // for the open transaction and fails on the lock timeout.
        await using (var editing = new NpgsqlConnection(cs))
        {
            await editing.OpenAsync();
            await Exec(editing, "SET lock_timeout = '3s'");
            Assert.Equal(1, await Exec(editing, $"UPDATE \"Figures\" SET \"Category\" = 'writer' WHERE \"Id\" = {second}"));
            await Exec(editing, FigureTallySql.FoldChanges);
        }
        await tx.CommitAsync();

        await AssertTalliesMatchFigures(cs);
        Assert.Equal(0, await app.WithDb((db, _) => db.FigureTallyChanges.CountAsync()));
    }

    [Fact]
    public async Task Folding_from_two_servers_at_once_counts_every_change_once()
    {
        var cs = await ConnectionString();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 4; i++)
                await app.CreateFigure("staff_city", new { name = Name(), regionCode = i % 2 == 0 ? "510502" : "510503", category = "selfmedia" });
            Assert.True(await app.WithDb((db, _) => db.FigureTallyChanges.AnyAsync()));
            await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                await using var conn = new NpgsqlConnection(cs);
                await conn.OpenAsync();
                await Exec(conn, FigureTallySql.FoldChanges);
            }));
            await AssertTalliesMatchFigures(cs);
        }
    }

    /// <summary>Every folded tally of the city and province equals a GROUP BY over the active figures.</summary>
    private async Task AssertTalliesMatchFigures(string cs)
    {
        await app.WithDb(async (db, _) =>
        {
            await FigureTallies.FoldChangesAsync(db);
            foreach (var (region, prefix) in new[] { ("510000", "51"), ("510500", "5105") })
            {
                var expected = await db.Figures.Where(f => f.Status == FigureStatus.Active && f.RegionCode.StartsWith(prefix))
                    .GroupBy(f => f.Category ?? "").Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                var kept = await db.FigureTallies.Where(t => t.RegionCode == region && t.Dimension == FigureTallies.Category && t.Count != 0)
                    .ToDictionaryAsync(t => t.Value, t => t.Count);
                Assert.Equal(expected.OrderBy(e => e.Key), kept.OrderBy(e => e.Key));
            }
            return 0;
        });
    }
}
