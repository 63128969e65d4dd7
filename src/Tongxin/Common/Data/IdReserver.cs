using Microsoft.EntityFrameworkCore;

namespace Tongxin.Common.Data;

/// <summary>
/// Hands out ids of an identity column before the rows are written, so that bulk writers can link
/// children to parents and write audit lines without reading ids back row by row.
/// </summary>
public static class IdReserver
{
    public static async Task<long[]> ReserveAsync<T>(TongxinDb db, int count, CancellationToken ct)
    {
        if (count == 0) return [];
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var id = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Ids are reserved inside the writer's transaction");
        if (db.Database.IsNpgsql())
        {
            // Sequence values are never handed out twice, whatever other sessions do meanwhile.
            // Table and column names come from the model, never from input.
            var next = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{id}')) AS \"Value\" FROM generate_series(1, {{0}})";
            return await db.Database.SqlQueryRaw<long>(next, count).ToArrayAsync(ct);
        }
        // SQLite: the transaction began IMMEDIATE, so this connection is the only writer until it ends.
        // Past both the highest id and AUTOINCREMENT's sequence, so ids of deleted rows are never reused.
        var highest = $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), coalesce((SELECT max(\"{id}\") FROM \"{table}\"), 0)) AS \"Value\"";
        var last = await db.Database.SqlQueryRaw<long>(highest).SingleAsync(ct);
        var ids = new long[count];
        for (var i = 0; i < count; i++) ids[i] = last + 1 + i;
        return ids;
    }
}
