using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Common.Auth;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.RegionCode).HasMaxLength(12);
        e.Property(u => u.DisplayName).HasMaxLength(100);
        // One member account per figure (NULL for staff users, which both databases allow many of).
        e.HasIndex(u => u.FigureId).IsUnique();
    }
}
