using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    /// <summary>The rows the due list reads: active assignments of figures in the registry (<see cref="DueRow.Active"/>).</summary>
    public const string Listed = "\"EndOn\" IS NULL AND \"FigureStatus\" = 0";

    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.ToTable("LiaisonAssignments");
        e.Property(a => a.CadreUserId).HasMaxLength(450);
        e.Property(a => a.EndReason).HasMaxLength(200);
        e.Property(a => a.Version).IsConcurrencyToken();
        // "My figures" and every cadre-narrowed query: the cadre's active assignments.
        e.HasIndex(a => new { a.CadreUserId, a.EndOn, a.FigureId });
        e.HasIndex(a => new { a.FigureId, a.EndOn });
        e.Property(a => a.RegionCode).HasMaxLength(12);
        // The due list, the coverage and the reminders read only the listed rows (active, figure in the registry), by
        // their copied region and next-due sort date (decision 0015). Walked in (NextDueSort, Id) order, a page is its
        // first rows, the region tested from the index entry; a state is a range of it (the province's count).
        // The filter's columns close each index so that SQLite counts from the index alone (it does not take a partial
        // index as covering otherwise).
        e.HasIndex(a => new { a.NextDueSort, a.Id, a.RegionCode, a.FigureStatus, a.EndOn }, "IX_LiaisonAssignments_Due").HasFilter(Listed);
        // A city's or a district's count: its range, with the state as a range inside it.
        e.HasIndex(a => new { a.RegionCode, a.NextDueSort, a.FigureStatus, a.EndOn }, "IX_LiaisonAssignments_DueRegion").HasFilter(Listed);
        e.HasOne(a => a.Figure).WithMany().HasForeignKey(a => a.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CadreUserId).OnDelete(DeleteBehavior.Cascade);
        // The assignment's own copy of its figure's region (kept equal by DueDateEffect, in the write's transaction).
        e.HasRegionScope(a => a.RegionCode);
    }
}
