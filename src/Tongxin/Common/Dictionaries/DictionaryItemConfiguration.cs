using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Common.Dictionaries;

internal sealed class DictionaryItemConfiguration : IEntityTypeConfiguration<DictionaryItem>
{
    public void Configure(EntityTypeBuilder<DictionaryItem> e)
    {
        e.Property(d => d.Type).HasMaxLength(40);
        e.Property(d => d.Code).HasMaxLength(40);
        e.Property(d => d.Label).HasMaxLength(100);
        e.HasIndex(d => new { d.Type, d.Code }).IsUnique();
    }
}
