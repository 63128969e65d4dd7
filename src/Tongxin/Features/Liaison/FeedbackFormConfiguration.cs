using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

internal sealed class FeedbackFormConfiguration : IEntityTypeConfiguration<FeedbackForm>
{
    public void Configure(EntityTypeBuilder<FeedbackForm> e)
    {
        e.ToTable("LiaisonFeedbackForms");
        e.Property(f => f.CadreUserId).HasMaxLength(450);
        e.Property(f => f.RegionCode).HasMaxLength(12);
        e.Property(f => f.Summary).HasMaxLength(4000);
        e.Property(f => f.Problems).HasMaxLength(4000);
        e.Property(f => f.Plans).HasMaxLength(4000);
        e.Property(f => f.Version).IsConcurrencyToken();
        e.HasIndex(f => new { f.CadreUserId, f.Year }).IsUnique();
        e.HasIndex(f => new { f.Year, f.RegionCode });
        e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CadreUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(f => f.RegionCode);
    }
}
