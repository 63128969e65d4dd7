using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Members;

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> e)
    {
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.Changes);
        e.Ignore(c => c.Accounts);
        e.Property(c => c.Reason).HasMaxLength(500);
        e.Property(c => c.RejectReason).HasMaxLength(500);
        e.Property(c => c.SubmittedBy).HasMaxLength(256);
        e.Property(c => c.DecidedBy).HasMaxLength(256);
        // The review list: pending first by submission time; a member's own list by figure.
        e.HasIndex(c => new { c.State, c.SubmittedAt });
        e.HasIndex(c => new { c.FigureId, c.SubmittedAt });
        e.HasOne(c => c.Figure).WithMany().HasForeignKey(c => c.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(c => c.Figure!.RegionCode);
    }
}
