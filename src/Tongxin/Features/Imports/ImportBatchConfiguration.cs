using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.JobId).IsUnique();
        e.HasRegionScope(x => x.RegionCode);
    }
}

internal sealed class ImportBatchRowConfiguration : IEntityTypeConfiguration<ImportBatchRow>
{
    public void Configure(EntityTypeBuilder<ImportBatchRow> e)
    {
        e.HasIndex(x => x.BatchId);
        e.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.HasRegionScope(x => x.RegionCode);
    }
}
