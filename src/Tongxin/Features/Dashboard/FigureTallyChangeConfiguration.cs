using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Dashboard;

// Appended by the PostgreSQL triggers and folded into FigureTallies; read by region like them.
internal sealed class FigureTallyChangeConfiguration : IEntityTypeConfiguration<FigureTallyChange>
{
    public void Configure(EntityTypeBuilder<FigureTallyChange> e)
    {
        e.HasIndex(t => new { t.RegionCode, t.Dimension });
        e.Property(t => t.Dimension).HasMaxLength(20);
        e.Property(t => t.RegionCode).HasMaxLength(12);
        e.HasRegionScope(t => t.RegionCode);
        e.Property(t => t.Dimension).IsOrdinal();
    }
}
