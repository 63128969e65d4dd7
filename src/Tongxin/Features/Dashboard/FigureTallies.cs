using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Dashboard;

/// <summary>Names of the tally dimensions and the operator's rebuild of every tally.</summary>
public static class FigureTallies
{
    public const string Total = "total";
    public const string Category = "category";
    public const string KeyLevel = "keyLevel";
    public const string Tier = "tier";
    public const string Accounts = "accounts";
    public static string Month(int year) => $"month:{year:0000}";

    /// <summary>
    /// The tallies of the given regions as they stand: the folded rows plus the changes not folded yet, summed in
    /// one statement so that a fold committing meanwhile neither hides nor doubles a change. The regions are
    /// filtered before the sum so each side reads its index.
    /// </summary>
    public static IQueryable<FigureTally> Current(TongxinDb db, IReadOnlyCollection<string> regionCodes) =>
        db.FigureTallies.AsNoTracking().Where(t => regionCodes.Contains(t.RegionCode))
            .Select(t => new { t.Dimension, t.RegionCode, t.Value, t.Count })
            .Concat(db.FigureTallyChanges.AsNoTracking().Where(t => regionCodes.Contains(t.RegionCode))
                .Select(t => new { t.Dimension, t.RegionCode, t.Value, t.Count }))
            .GroupBy(t => new { t.Dimension, t.RegionCode, t.Value })
            .Select(g => new FigureTally { Dimension = g.Key.Dimension, RegionCode = g.Key.RegionCode, Value = g.Key.Value, Count = g.Sum(t => t.Count) });

    /// <summary>Folds the pending changes into the tallies (PostgreSQL; SQLite's triggers update the tallies directly).</summary>
    public static async Task<int> FoldChangesAsync(TongxinDb db, CancellationToken ct = default) =>
        db.Database.IsNpgsql() ? await db.Database.ExecuteSqlRawAsync(FigureTallySql.FoldChanges, ct) : 0;

    /// <summary>
    /// Recomputes every tally from the figures in one transaction (writers wait on PostgreSQL). For bulk loads
    /// that bypass the triggers, restores of old backups, or a repair; the triggers keep them otherwise.
    /// </summary>
    public static async Task RebuildAsync(TongxinDb db, CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        db.Database.SetCommandTimeout(0); // a province's figures take longer than the default 30 s
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (postgres) await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Figures\" IN SHARE MODE", ct);
        await db.Database.ExecuteSqlRawAsync(FigureTallySql.Rebuild(postgres), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>True when figures exist but no tally does (a database restored from before the tallies, or emptied by hand).</summary>
    public static async Task<bool> AreMissingAsync(TongxinDb db, CancellationToken ct = default) =>
        !await db.FigureTallies.AnyAsync(ct) && !await db.FigureTallyChanges.AnyAsync(ct) && await db.Figures.AnyAsync(f => f.Status == Figures.FigureStatus.Active, ct);
}
