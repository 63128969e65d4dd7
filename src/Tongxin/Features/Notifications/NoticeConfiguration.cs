using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Notifications;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(10000);
        e.Property(x => x.AudienceKind).HasMaxLength(32);
        e.Property(x => x.AudienceValue).HasMaxLength(64);
        e.Property(x => x.AudienceRegionCode).HasMaxLength(12);
        e.Property(x => x.AudienceRegionPrefix).HasMaxLength(12);
        e.Property(x => x.AudienceLabel).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.Property(x => x.CreatedByName).HasMaxLength(256);
        e.Property(x => x.State).HasMaxLength(16);
        e.Property(x => x.FanOutCursor).HasMaxLength(64);
        e.Property(x => x.LockedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.State, x.CreatedAt });
        e.HasIndex(x => new { x.RegionCode, x.Id });
        e.HasRegionScope(x => x.RegionCode);
    }
}
