using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.ToTable("Attachments");
        e.Property(a => a.OwnerKind).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.RegionCode).HasMaxLength(12);
        e.Property(a => a.FileName).HasMaxLength(AttachmentFileName.MaxLength);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.StoredKey).HasMaxLength(200);
        e.Property(a => a.UploadedByUserId).HasMaxLength(450);
        e.Property(a => a.UploadedByName).HasMaxLength(100);
        // An owner's attachments, in upload order.
        e.HasIndex(a => new { a.OwnerKind, a.OwnerId, a.Id });
        e.HasRegionScope(a => a.RegionCode);
    }
}
