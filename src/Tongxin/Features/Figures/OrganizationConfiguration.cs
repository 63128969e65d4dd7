using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.NameKey).HasMaxLength(200);
        e.Property(o => o.RegionCode).HasMaxLength(12);
        e.Property(o => o.CreditCode).HasMaxLength(18);
        e.Property(o => o.LiaisonOfficer).HasMaxLength(TextLimits.Person);
        e.Property(o => o.Address).HasMaxLength(TextLimits.Address);
        e.Property(o => o.Description).HasMaxLength(TextLimits.Text);
        e.Property(o => o.BaseOffers).HasMaxLength(TextLimits.Offers);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasIndex(o => new { o.RegionCode, o.NameKey });
        e.HasIndex(o => o.CreditCode);
        e.HasRegionScope(o => o.RegionCode);
    }
}
