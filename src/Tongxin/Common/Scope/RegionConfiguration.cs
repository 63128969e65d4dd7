using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Common.Scope;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasKey(r => r.Code);
        e.Property(r => r.Code).HasMaxLength(12);
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.FullName).HasMaxLength(200);
        e.HasIndex(r => r.ParentCode);
        e.HasIndex(r => r.Name);
        e.HasRegionScope(r => r.Code);
    }
}
