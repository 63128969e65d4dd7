using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.OrgUnits;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.Property(u => u.Name).HasMaxLength(100);
        e.Property(u => u.Kind).HasMaxLength(20);
        e.Property(u => u.RegionCode).HasMaxLength(12);
        e.Property(u => u.Version).IsConcurrencyToken();
        e.HasIndex(u => u.RegionCode);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasRegionScope(u => u.RegionCode);
    }
}

/// <summary>The unit a user works for (<see cref="AppUser.OrgUnitId"/>).</summary>
internal sealed class AppUserOrgUnitConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
