using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.TaskPlans;

internal sealed class TaskPlanConfiguration : IEntityTypeConfiguration<TaskPlan>
{
    public void Configure(EntityTypeBuilder<TaskPlan> e)
    {
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.RegionCode).HasMaxLength(12);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.Ignore(p => p.EarliestDeadline);
        e.HasIndex(p => new { p.RegionCode, p.Year }).IsUnique();
        e.HasRegionScope(p => p.RegionCode);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(t => t.Title).HasMaxLength(500);
        e.Property(t => t.DeadlineText).HasMaxLength(50);
        e.Property(t => t.Target).HasMaxLength(1000);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.Ignore(t => t.UnitIds);
        e.HasIndex(t => new { t.PlanId, t.Seq });
        e.HasIndex(t => t.LeadUnitId);
        e.HasOne(t => t.Plan).WithMany(p => p.Tasks).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasRegionScope(t => t.Plan!.RegionCode);
    }
}

internal sealed class PlanTaskCoUnitConfiguration : IEntityTypeConfiguration<PlanTaskCoUnit>
{
    public void Configure(EntityTypeBuilder<PlanTaskCoUnit> e)
    {
        e.HasKey(c => new { c.TaskId, c.OrgUnitId });
        e.HasIndex(c => c.OrgUnitId);
        e.HasOne(c => c.Task).WithMany(t => t.CoUnits).HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasRegionScope(c => c.Task!.Plan!.RegionCode);
    }
}

internal sealed class TaskReportConfiguration : IEntityTypeConfiguration<TaskReport>
{
    public void Configure(EntityTypeBuilder<TaskReport> e)
    {
        e.Property(r => r.Quarter).HasMaxLength(6).IsOrdinal();
        e.Property(r => r.Text).HasMaxLength(2000);
        e.Property(r => r.ReportedBy).HasMaxLength(256);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.TaskId, r.OrgUnitId, r.Quarter }).IsUnique();
        e.HasIndex(r => new { r.OrgUnitId, r.Quarter });
        e.HasOne(r => r.Task).WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasRegionScope(r => r.Task!.Plan!.RegionCode);
    }
}
