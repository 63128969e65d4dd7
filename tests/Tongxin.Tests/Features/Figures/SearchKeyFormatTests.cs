using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

public abstract class SearchKeyFormatTests(TestApp app)
{
    [Fact]
    public async Task Keys_made_by_older_rules_are_rebuilt_once()
    {
        var id = await app.CreateFigure("staff_city", new { name = "格式测", regionCode = "510502" });
        // A database from before the current rules: no marker, and a key the current rules would not make.
        await app.WithDb(async (db, _) =>
        {
            await db.JobRuns.Where(r => r.Name == SearchKeyFormat.JobName).ExecuteDeleteAsync();
            db.FigureSearchKeys.Add(new FigureSearchKey { Key = "h:old-rule", FigureId = id, RegionCode = "510502" });
            return await db.SaveChangesAsync();
        });

        await app.WithDb(async (db, _) => { await SearchKeyFormat.EnsureCurrentAsync(db, NullLogger.Instance, default); return 0; });
        var rows = await app.WithDb((db, _) => db.FigureSearchKeys.Where(k => k.FigureId == id).ToListAsync());
        var keys = rows.Select(k => k.Key).ToList();
        Assert.DoesNotContain("h:old-rule", keys);
        Assert.Contains(keys, k => k.StartsWith("n:格")); // the figure's own keys are back
        // ...carrying the figure's sort key (a key row added before format 3 has none).
        var sortKey = await app.WithDb((db, _) => db.Figures.Where(f => f.Id == id).Select(f => f.SortKey).SingleAsync());
        Assert.All(rows, k => Assert.Equal(sortKey, k.SortKey));
        var run = await app.WithDb((db, _) => db.JobRuns.SingleAsync(r => r.Name == SearchKeyFormat.JobName));
        Assert.Equal(SearchKeyFormat.Period, run.Period);

        // Once recorded, start-up leaves the keys alone.
        await app.WithDb(async (db, _) =>
        {
            db.FigureSearchKeys.Add(new FigureSearchKey { Key = "h:old-rule", FigureId = id, RegionCode = "510502" });
            await db.SaveChangesAsync();
            await SearchKeyFormat.EnsureCurrentAsync(db, NullLogger.Instance, default);
            return 0;
        });
        Assert.True(await app.WithDb((db, _) => db.FigureSearchKeys.AnyAsync(k => k.FigureId == id && k.Key == "h:old-rule")));
    }
}

public sealed class SearchKeyFormatTestsOnSqlite(SqliteApp app) : SearchKeyFormatTests(app), IClassFixture<SqliteApp>;
public sealed class SearchKeyFormatTestsOnPostgres(PostgresApp app) : SearchKeyFormatTests(app), IClassFixture<PostgresApp>;
