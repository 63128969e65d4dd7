using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> e)
    {
        e.Property(p => p.Title).HasMaxLength(TextLimits.Title);
        e.Property(p => p.Organization).HasMaxLength(TextLimits.Name);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => p.FigureId);
        e.HasOne(p => p.Figure).WithMany(f => f.Positions).HasForeignKey(p => p.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(p => p.Figure!.RegionCode);
    }
}
