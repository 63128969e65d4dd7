using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Members;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.CodeHash).HasMaxLength(64).IsOrdinal();
        e.HasIndex(i => i.CodeHash).IsUnique();
        e.HasIndex(i => new { i.FigureId, i.CreatedAt });
        e.HasIndex(i => i.CreatedAt);
        e.Property(i => i.CreatedBy).HasMaxLength(256);
        e.Property(i => i.ActivatedUserId).HasMaxLength(450);
        e.HasOne(i => i.Figure).WithMany().HasForeignKey(i => i.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(i => i.Figure!.RegionCode);
    }
}
