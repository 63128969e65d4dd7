using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

internal sealed class FigureSearchKeyConfiguration : IEntityTypeConfiguration<FigureSearchKey>
{
    public void Configure(EntityTypeBuilder<FigureSearchKey> e)
    {
        // Status, SortKey and Category in the key itself (not a second index of 20M rows): a term's page and count are read from it alone.
        e.HasKey(k => new { k.Key, k.RegionCode, k.Status, k.SortKey, k.FigureId, k.Category });
        e.Property(k => k.Key).HasMaxLength(80);
        e.Property(k => k.RegionCode).HasMaxLength(12);
        e.Property(k => k.SortKey).HasMaxLength(200);
        e.Property(k => k.Category).HasMaxLength(40);
        // No foreign key to Figures: the indexer deletes a figure's keys with it, and checking the parent of
        // every key row cost about a third of an import's key writes (decision 0002).
        // With the key, a walk's test of one figure's keys (a pinyin range: FigureFilterShape) reads this index alone: by
        // FigureId only, each of the figure's ~19 rows was a table read (province-wide x at 1,000,000 figures: 50 ms for page 1).
        e.HasIndex(k => new { k.FigureId, k.Key });
        // Name order within a key, for a province-wide search: one page read, not every match sorted (decision 0002).
        // Only the exact keys (h:, n:, o:): pinyin keys are read as a range, whose rows no index has in name order,
        // and leaving out their third of the rows leaves out a third of the index's cost to every import.
        e.HasIndex(k => new { k.Key, k.Status, k.SortKey, k.FigureId, k.RegionCode, k.Category }, "IX_FigureSearchKeys_NameOrder")
            .HasFilter($"\"Key\" < '{KeyOnlySearch.NameOrderBelow}'");
        e.HasRegionScope(k => k.RegionCode);
        e.Property(k => k.Key).IsOrdinal();
    }
}
