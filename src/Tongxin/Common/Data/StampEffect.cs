using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Domain;

namespace Tongxin.Common.Data;

/// <summary>
/// Bookkeeping every write needs: versions, timestamps and derived keys (<see cref="IStamped"/>), before the other
/// effects read the rows.
/// </summary>
internal sealed class StampEffect : IWriteEffect
{
    public int Order => 0;

    public Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                var prop = entry.Property(nameof(IVersioned.Version));
                prop.CurrentValue = (int)prop.OriginalValue! + 1;
            }
            if (entry.Entity is IStamped stamped) stamped.Stamp(now, entry.State == EntityState.Added);
        }
        // A bulk writer reads the entries without detecting changes each time: what was stamped must show.
        if (!db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        return Task.FromResult<AfterWrite?>(null);
    }

    public Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        foreach (var row in rows) if (row is IStamped stamped) stamped.Stamp(now, added: true);
        return Task.FromResult<AfterWrite?>(null);
    }
}
