using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Exports;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.State).HasMaxLength(16);
        e.Property(x => x.FileToken).HasMaxLength(32);
        e.Property(x => x.LockedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
        e.HasIndex(x => new { x.State, x.CreatedAt });
        e.HasRegionScope(x => x.RegionCode);
    }
}
