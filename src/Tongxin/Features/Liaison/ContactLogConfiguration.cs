using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

internal sealed class ContactLogConfiguration : IEntityTypeConfiguration<ContactLog>
{
    public void Configure(EntityTypeBuilder<ContactLog> e)
    {
        e.Property(l => l.CadreUserId).HasMaxLength(450);
        e.Property(l => l.CreatedByUserId).HasMaxLength(450);
        e.Property(l => l.Way).HasMaxLength(40);
        e.Property(l => l.Participants).HasMaxLength(200);
        e.Property(l => l.Summary).HasMaxLength(2000);
        e.Property(l => l.FollowUp).HasMaxLength(1000);
        e.Property(l => l.Version).IsConcurrencyToken();
        // A figure's logs by date, and the last contact of an assignment (figure, cadre) read from the index.
        e.HasIndex(l => new { l.FigureId, l.CadreUserId, l.Date });
        // A cadre's logs of a year (the feedback form) and the cadre filter of the list.
        e.HasIndex(l => new { l.CadreUserId, l.Date });
        e.HasIndex(l => l.Date);
        e.HasOne(l => l.Figure).WithMany().HasForeignKey(l => l.FigureId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(l => l.CadreUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasRegionScope(l => l.Figure!.RegionCode);
    }
}
