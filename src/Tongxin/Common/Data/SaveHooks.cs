using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Domain;
using Tongxin.Common.Text;
using Tongxin.Features.Accounts;
using Tongxin.Features.Figures;
using Tongxin.Features.Organizations;

namespace Tongxin.Common.Data;

/// <summary>Bookkeeping every write needs: versions, timestamps and derived keys.</summary>
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
            switch (entry.Entity)
            {
                case Figure f:
                    Stamp(f, now, entry.State == EntityState.Added);
                    break;
                case PlatformAccount a:
                    Stamp(a);
                    break;
                case Organization o:
                    o.NameKey = o.Name.Trim().ToLowerInvariant();
                    break;
            }
        }
    }

    /// <summary>The derived fields of a figure; also called by writers that bypass change tracking.</summary>
    public static void Stamp(Figure f, DateTime now, bool added)
    {
        f.SortKey = Pinyin.SortKey(f.Name);
        f.UpdatedAt = now;
        if (!added) return;
        f.CreatedAt = now;
        if (f.EnrolledOn == default) f.EnrolledOn = DateOnly.FromDateTime(now);
    }

    public static void Stamp(PlatformAccount a) => a.HandleKey = PlatformAccount.KeyOf(a.Handle);
}
