using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.HelpRequests;

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> e)
    {
        e.Property(r => r.RegionCode).HasMaxLength(12);
        e.Property(r => r.Category).HasMaxLength(40);
        e.Property(r => r.Title).HasMaxLength(100);
        e.Property(r => r.Description).HasMaxLength(2000);
        e.Property(r => r.Summary).HasMaxLength(2000);
        e.Property(r => r.VisitText).HasMaxLength(1000);
        e.Property(r => r.CreatedByUserId).HasMaxLength(64);
        e.Property(r => r.LastAction).HasMaxLength(20);
        e.Property(r => r.Version).IsConcurrencyToken();
        // The board's scope and order, and the statistics' grouped pass read from the index alone (a city's year of
        // requests at 1,000,000: one table row each, ~400 ms on SQLite, before the grouped columns were carried here).
        e.HasIndex(r => new { r.RegionCode, r.CreatedAt, r.Status, r.Category, r.Satisfaction, r.DaysToSolve, r.CompletedAt },
            "IX_HelpRequests_RegionCode_CreatedAt_Tally");
        // The board's status tabs: newest first within a region.
        e.HasIndex(r => new { r.Status, r.RegionCode, r.CreatedAt });
        e.HasIndex(r => r.FigureId);
        e.HasIndex(r => r.OrganizationId);
        // A cadre's feedback form: the requests the cadre raised (FeedbackRequestSource).
        e.HasIndex(r => new { r.CreatedByUserId, r.CreatedAt });
        e.HasOne<Figure>().WithMany().HasForeignKey(r => r.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(r => r.RegionCode);
    }
}

internal sealed class HelpRequestPartConfiguration : IEntityTypeConfiguration<HelpRequestPart>
{
    public void Configure(EntityTypeBuilder<HelpRequestPart> e)
    {
        e.ToTable("HelpRequestParts");
        e.Property(p => p.UnitName).HasMaxLength(100);
        e.Property(p => p.Reply).HasMaxLength(2000);
        e.Property(p => p.ReturnedReason).HasMaxLength(1000);
        // A unit's inbox and the overdue filter.
        e.HasIndex(p => new { p.OrgUnitId, p.HelpRequestId });
        e.HasIndex(p => new { p.Status, p.Deadline });
        e.HasIndex(p => p.HelpRequestId);
        e.HasOne(p => p.HelpRequest).WithMany(r => r.Parts).HasForeignKey(p => p.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasRegionScope(p => p.HelpRequest!.RegionCode);
    }
}

internal sealed class HelpRequestEventConfiguration : IEntityTypeConfiguration<HelpRequestEvent>
{
    public void Configure(EntityTypeBuilder<HelpRequestEvent> e)
    {
        e.ToTable("HelpRequestEvents");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasIndex(x => new { x.HelpRequestId, x.At });
        e.HasOne(x => x.HelpRequest).WithMany(r => r.Timeline).HasForeignKey(x => x.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(x => x.HelpRequest!.RegionCode);
    }
}
