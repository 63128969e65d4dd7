using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Bench;

/// <summary>
/// Rebuilds the handle keys (h:) of an existing dataset from its accounts, so that a change to the handle
/// rules can be measured without generating the dataset again.
/// </summary>
public static class Reindex
{
    public static async Task HandlesAsync(BenchConfig config)
    {
        List<(long FigureId, string HandleKey, string RegionCode, int Status, string SortKey, string Category)> accounts;
        await using (var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            accounts = (await db.PlatformAccounts.AsNoTracking()
                .Select(a => new { a.FigureId, a.HandleKey, a.Figure!.RegionCode, a.Figure.Status, a.Figure.SortKey, a.Figure.Category }).ToListAsync())
                .Select(a => (a.FigureId, a.HandleKey, a.RegionCode, (int)a.Status, a.SortKey, a.Category ?? "")).ToList();
        }
        await using var sink = await BulkSink.OpenAsync(config.Provider, config.ConnectionString);
        await sink.ExecuteAsync("DELETE FROM \"FigureSearchKeys\" WHERE \"Key\" >= 'h:' AND \"Key\" < 'h;'");
        var rows = accounts.GroupBy(a => a.FigureId).SelectMany(g =>
            FigureSearchIndexer.KeysFor("", [], g.Select(a => a.HandleKey), [], [])
                .Select(k => new object?[] { k, g.Key, g.First().RegionCode, g.First().Status, g.First().SortKey, g.First().Category }));
        await sink.LoadAsync("FigureSearchKeys", ["Key", "FigureId", "RegionCode", "Status", "SortKey", "Category"], rows);
        await sink.ExecuteAsync(config.Provider == "postgres" ? "VACUUM ANALYZE \"FigureSearchKeys\"" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }
}
