using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The search keys of an import's new figures, held in an unindexed temporary table while the import runs
/// and merged into the key table once, in key order, just before the commit. Written chunk by chunk, each
/// chunk's keys landed all across the key index (its two B-trees hold ~18M rows at a million figures), so
/// the same pages were read and written again chunk after chunk; one ordered pass touches each page once.
/// SQLite's import spent a quarter less on its keys this way, PostgreSQL the same (decision 0006). The keys
/// still commit with their figures, so an imported figure is findable exactly when it was before. While open, the
/// stage is the context's write state: <see cref="SearchKeyEffect"/> puts new figures' keys here, not in the key table.
/// </summary>
public sealed class SearchKeyStage
{
    private const string Table = "staged_search_keys";
    private readonly TongxinDb _db;
    private readonly string _keyTable;
    private readonly string _columns;
    private readonly string _keyOrder;
    private bool _created;

    public SearchKeyStage(TongxinDb db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(FigureSearchKey))!;
        _keyTable = "\"" + entity.GetTableName() + "\"";
        _columns = string.Join(", ", RawInsert.ColumnNames(entity, FigureSearchIndexer.KeyColumns));
        // The primary key's own order, so the merge walks the key index from start to end.
        _keyOrder = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => "\"" + p.GetColumnName() + "\""));
        db.SetWriteState(this);
    }

    public async Task AddAsync(IEnumerable<Figure> figures, CancellationToken ct)
    {
        if (!_created)
        {
            // Same columns, no keys or indexes; PostgreSQL drops it at commit or rollback, SQLite's DDL is transactional.
            await ExecuteAsync(_db.Database.IsNpgsql()
                ? $"CREATE TEMP TABLE {Table} (LIKE {_keyTable}) ON COMMIT DROP"
                : $"CREATE TEMP TABLE {Table} AS SELECT {_columns} FROM {_keyTable} WHERE 0", ct);
            _created = true;
        }
        await RawInsert.ExecuteAsync(_db, FigureSearchIndexer.RowsForNew(figures), FigureSearchIndexer.KeyColumns, ct, intoTable: Table);
    }

    /// <summary>Writes the staged keys into the key table in the primary key's order and drops the stage.</summary>
    public async Task MergeAsync(CancellationToken ct)
    {
        if (ReferenceEquals(_db.WriteState<SearchKeyStage>(), this)) _db.SetWriteState<SearchKeyStage>(null);
        if (!_created) return;
        await ExecuteAsync(
            $"INSERT INTO {_keyTable} ({_columns}) SELECT {_columns} FROM {Table} ORDER BY {_keyOrder}", ct);
        await ExecuteAsync($"DROP TABLE {Table}", ct);
        _created = false;
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken ct) => ContextConnection.UseAsync(_db, async (conn, tx) =>
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return await cmd.ExecuteNonQueryAsync(ct);
    }, ct);
}
