using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.ToTable("LiaisonAssignments");
        e.Property(a => a.CadreUserId).HasMaxLength(450);
        e.Property(a => a.EndReason).HasMaxLength(200);
        e.Property(a => a.Version).IsConcurrencyToken();
        // "My figures" and every cadre-narrowed query: the cadre's active assignments.
        e.HasIndex(a => new { a.CadreUserId, a.EndOn, a.FigureId });
        e.HasIndex(a => new { a.FigureId, a.EndOn });
        // The due list and the reminders: active assignments by state (NextDueOn < today, or a 14-day window) in
        // next-due order, walked in index order for the first page.
        e.HasIndex(a => new { a.EndOn, a.NextDueOn, a.Id });
        e.HasOne(a => a.Figure).WithMany().HasForeignKey(a => a.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CadreUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(a => a.Figure!.RegionCode);
    }
}
