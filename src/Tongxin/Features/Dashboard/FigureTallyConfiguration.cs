using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Dashboard;

// Kept by database triggers (Features/Dashboard/FigureTallySql.cs); the key serves "a region's rows of one dimension".
internal sealed class FigureTallyConfiguration : IEntityTypeConfiguration<FigureTally>
{
    public void Configure(EntityTypeBuilder<FigureTally> e)
    {
        e.HasKey(t => new { t.Dimension, t.RegionCode, t.Value });
        e.Property(t => t.Dimension).HasMaxLength(20);
        e.Property(t => t.RegionCode).HasMaxLength(12);
        e.HasRegionScope(t => t.RegionCode);
        e.Property(t => t.Dimension).IsOrdinal();
    }
}
