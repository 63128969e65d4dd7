using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongxin.Common.Data;

/// <summary>
/// Bulk INSERT (multi-row statements on PostgreSQL, a prepared statement per row on SQLite) on the context's own connection and transaction, for derived rows written in bulk
/// (search keys, audit lines): EF's per-entity change tracking costs far more than the rows themselves.
/// Both providers accept "INSERT INTO t (…) VALUES (…), (…)" with quoted identifiers.
/// </summary>
public static class RawInsert
{
    private const int MaxPostgresParameters = 16_000;

    /// <summary>
    /// Every mapped column of an entity as the database stores it (value converters applied: enums, UTC
    /// times, SQLite's JSON lists), for writers that insert whole rows without change tracking.
    /// </summary>
    public static List<(string Property, Func<T, object?> Value)> ColumnsOf<T>(TongxinDb db, bool includeKey)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var columns = new List<(string, Func<T, object?>)>();
        foreach (var prop in entity.GetProperties())
        {
            if (prop.IsPrimaryKey() && !includeKey) continue;
            var info = prop.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{prop.Name} is a shadow property");
            var converter = prop.GetTypeMapping().Converter;
            columns.Add((prop.Name, converter is null
                ? row => info.GetValue(row)
                : row => info.GetValue(row) is { } v ? converter.ConvertToProvider(v) : null));
        }
        return columns;
    }

    public static async Task<int> ExecuteAsync<T>(TongxinDb db, IReadOnlyList<T> rows, IReadOnlyList<(string Property, Func<T, object?> Value)> columns,
        CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var names = columns.Select(c => "\"" + entity.FindProperty(c.Property)!.GetColumnName() + "\"").ToArray();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();
            if (!db.Database.IsNpgsql()) return WriteSqlite(conn, tx, table, names, rows, columns);
            var perStatement = Math.Max(1, MaxPostgresParameters / columns.Count);
            var written = 0;
            foreach (var chunk in rows.Chunk(perStatement))
            {
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                var sql = new System.Text.StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ");
                var p = 0;
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var name = "@p" + p++;
                        sql.Append(c == 0 ? name : ", " + name);
                        var parameter = cmd.CreateParameter();
                        parameter.ParameterName = name;
                        parameter.Value = columns[c].Value(chunk[r]) ?? DBNull.Value;
                        cmd.Parameters.Add(parameter);
                    }
                    sql.Append(')');
                }
                cmd.CommandText = sql.ToString();
                written += await cmd.ExecuteNonQueryAsync(ct);
            }
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite: one prepared single-row statement run per row. SQLite runs in process, so a row costs a
    /// step, while a long multi-row statement costs a fresh parse and parameter look-ups by name.
    /// </summary>
    private static int WriteSqlite<T>(DbConnection conn, DbTransaction? tx, string table, string[] names, IReadOnlyList<T> rows,
        IReadOnlyList<(string Property, Func<T, object?> Value)> columns)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})";
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = cmd.CreateParameter();
            parameters[c].ParameterName = "@p" + c;
            cmd.Parameters.Add(parameters[c]);
        }
        cmd.Prepare();
        var written = 0;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++) parameters[c].Value = columns[c].Value(row) ?? DBNull.Value;
            written += cmd.ExecuteNonQuery();
        }
        return written;
    }
}
