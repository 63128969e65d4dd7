using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Type).HasMaxLength(40);
        e.Property(x => x.Value).HasMaxLength(100);
        e.Property(x => x.ValueKey).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.UserName).HasMaxLength(100);
        e.HasIndex(x => new { x.RegionCode, x.Type, x.ValueKey }).IsUnique();
        e.HasRegionScope(x => x.RegionCode);
    }
}
