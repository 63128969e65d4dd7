using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

internal sealed class WideSearchKeyConfiguration : IEntityTypeConfiguration<WideSearchKey>
{
    public void Configure(EntityTypeBuilder<WideSearchKey> e)
    {
        e.HasNoKey();
        e.ToTable((string?)null).ToSqlQuery("SELECT * FROM \"FigureSearchKeys\"");
        // The scope's prefix as a pattern: the same rows as the range, but not a range the key index could take.
        e.HasRegionScopeByPattern(k => k.RegionCode);
        e.Property(k => k.Key).IsOrdinal();
    }
}
