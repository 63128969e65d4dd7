using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

internal sealed class HonourConfiguration : IEntityTypeConfiguration<Honour>
{
    public void Configure(EntityTypeBuilder<Honour> e)
    {
        e.Property(h => h.Title).HasMaxLength(TextLimits.Title);
        e.Property(h => h.Issuer).HasMaxLength(TextLimits.Name);
        e.Property(h => h.Version).IsConcurrencyToken();
        e.HasIndex(h => h.FigureId);
        e.HasOne(h => h.Figure).WithMany(f => f.Honours).HasForeignKey(h => h.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(h => h.Figure!.RegionCode);
    }
}
