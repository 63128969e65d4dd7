using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

internal sealed class PlatformAccountConfiguration : IEntityTypeConfiguration<PlatformAccount>
{
    public void Configure(EntityTypeBuilder<PlatformAccount> e)
    {
        e.Property(a => a.Platform).HasMaxLength(40);
        e.Property(a => a.Handle).HasMaxLength(100);
        e.Property(a => a.Url).HasMaxLength(TextLimits.Url);
        e.Property(a => a.HandleKey).HasMaxLength(100);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasIndex(a => a.FigureId);
        // A handle has one owner per platform: the database is the judge when two writers check at once.
        e.HasIndex(a => new { a.Platform, a.HandleKey }).IsUnique();
        e.HasOne(a => a.Figure).WithMany(f => f.Accounts).HasForeignKey(a => a.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(a => a.Figure!.RegionCode);
    }
}
