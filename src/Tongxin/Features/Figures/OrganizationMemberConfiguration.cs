using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> e)
    {
        e.HasKey(m => new { m.OrganizationId, m.FigureId });
        e.HasIndex(m => m.FigureId);
        e.HasOne(m => m.Organization).WithMany(o => o.Members).HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.Figure).WithMany().HasForeignKey(m => m.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(m => m.Figure!.RegionCode);
    }
}
