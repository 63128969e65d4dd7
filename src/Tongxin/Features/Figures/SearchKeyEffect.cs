using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// Keeps the search keys in step with every write: a saved change rebuilds the keys of the figures it touches
/// (<see cref="FigureSearchIndexer.AffectedFigureIds"/>); figures inserted in bulk have theirs made from memory,
/// into the import's <see cref="SearchKeyStage"/> when one is open.
/// </summary>
internal sealed class SearchKeyEffect : IWriteEffect
{
    public int Order => 100;

    public Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        var touched = FigureSearchIndexer.AffectedFigureIds(db.ChangeTracker);
        return Task.FromResult<AfterWrite?>(touched.Count == 0 ? null : async ct2 =>
        {
            // Ids are read after the write: new rows have theirs then.
            var ids = touched.Select(t => t()).Where(id => id > 0).ToHashSet();
            if (ids.Count > 0) await FigureSearchIndexer.RebuildAsync(db, ids, ct2);
        });
    }

    public Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var figures = rows.OfType<Figure>().ToList();
        return Task.FromResult<AfterWrite?>(figures.Count == 0 ? null : ct2 =>
            db.WriteState<SearchKeyStage>() is { } stage ? stage.AddAsync(figures, ct2) : FigureSearchIndexer.InsertNewAsync(db, figures, ct2));
    }
}
