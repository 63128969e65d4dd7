using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// The dashboard tallies of figures written in bulk. The database's triggers count every write; on SQLite a bulk
/// write lifts the row trigger and counts the rows at once instead (<see cref="BulkTally"/>). SaveChanges leaves
/// it to the triggers.
/// </summary>
internal sealed class BulkTallyEffect : IWriteEffect
{
    public int Order => 200;

    /// <summary>Updated figures: their contributions before the update are taken away now, and added back after it.</summary>
    public async Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        if (!bulk) return null;
        var ids = db.ChangeTracker.Entries<Figure>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (ids.Count == 0 || await BulkTally.LiftAsync(db, BulkTally.UpdateTrigger, ct) is not { } tally) return null;
        await tally.CountAsync(ids, -1, ct);
        return async ct2 =>
        {
            await tally.CountAsync(ids, 1, ct2);
            await tally.RestoreAsync(ct2);
        };
    }

    /// <summary>New figures (their ids reserved as one block): counted once they are written.</summary>
    public async Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var ids = rows.OfType<Figure>().Select(f => f.Id).ToList();
        if (ids.Count == 0 || await BulkTally.LiftAsync(db, BulkTally.InsertTrigger, ct) is not { } tally) return null;
        return async ct2 =>
        {
            await tally.CountAsync(ids.Min(), ids.Max(), 1, ct2);
            await tally.RestoreAsync(ct2);
        };
    }
}
