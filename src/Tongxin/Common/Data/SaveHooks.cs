using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Domain;

namespace Tongxin.Common.Data;

/// <summary>Bookkeeping every write needs: versions, timestamps and derived keys (<see cref="IStamped"/>).</summary>
internal static class SaveHooks
{
    public static void BeforeSave(TongxinDb db)
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
    }
}
