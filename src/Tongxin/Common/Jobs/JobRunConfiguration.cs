using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Common.Jobs;

// System bookkeeping, not region data: no scope filter.
internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.HasKey(x => new { x.Name, x.Period });
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Period).HasMaxLength(16);
        e.Property(x => x.Server).HasMaxLength(200);
        e.Property(x => x.Outcome).HasMaxLength(500);
    }
}
