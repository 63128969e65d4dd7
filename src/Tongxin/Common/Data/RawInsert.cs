using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tongxin.Common.Data;

/// <summary>
/// Bulk writes on the context's own connection and transaction (binary COPY on PostgreSQL, a prepared
/// statement per row on SQLite), for rows written in bulk (search keys, audit lines, imported figures):
/// EF's per-entity change tracking costs far more than the rows themselves.
/// </summary>
public static class RawInsert
{
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

    /// <summary>The quoted column names of <paramref name="columns"/> in the entity's table.</summary>
    public static string[] ColumnNames<T>(IEntityType entity, IEnumerable<(string Property, Func<T, object?> Value)> columns) =>
        columns.Select(c => "\"" + entity.FindProperty(c.Property)!.GetColumnName() + "\"").ToArray();

    /// <summary>Writes <paramref name="rows"/> into the entity's table, or into <paramref name="intoTable"/> with the same column names.</summary>
    public static async Task<int> ExecuteAsync<T>(TongxinDb db, IReadOnlyList<T> rows, IReadOnlyList<(string Property, Func<T, object?> Value)> columns,
        CancellationToken ct, string? intoTable = null)
    {
        if (rows.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = intoTable ?? entity.GetTableName()!;
        var names = ColumnNames(entity, columns);
        var postgres = db.Database.IsNpgsql();
        return await ContextConnection.UseAsync(db, async (conn, tx) => postgres
            ? await CopyPostgresAsync((NpgsqlConnection)conn, table, names, rows, columns, ct)
            : WriteSqlite(conn, tx, table, names, rows, columns), ct);
    }

    /// <summary>
    /// PostgreSQL: binary COPY, the server's own bulk path; it joins the connection's open transaction,
    /// so a failed import still leaves nothing. Values are written as the types the columns have.
    /// </summary>
    private static async Task<int> CopyPostgresAsync<T>(NpgsqlConnection conn, string table, string[] names, IReadOnlyList<T> rows,
        IReadOnlyList<(string Property, Func<T, object?> Value)> columns, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync($"COPY \"{table}\" ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value) await copy.WriteAsync(value, ct);
                else await copy.WriteNullAsync(ct);
            }
        }
        return (int)await copy.CompleteAsync(ct);
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
