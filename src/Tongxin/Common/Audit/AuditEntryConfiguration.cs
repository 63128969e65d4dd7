using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Common.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.EntityType).HasMaxLength(60);
        e.Property(a => a.EntityId).HasMaxLength(60);
        e.Property(a => a.UserName).HasMaxLength(256);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.HasIndex(a => a.FigureId);
    }
}
