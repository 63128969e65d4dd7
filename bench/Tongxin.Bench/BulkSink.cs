using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongxin.Bench;

/// <summary>The fastest load path of each provider: PostgreSQL binary COPY, SQLite prepared batches in one transaction.</summary>
public abstract class BulkSink : IAsyncDisposable
{
    public abstract Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);
    public abstract Task ExecuteAsync(string sql);
    public abstract ValueTask DisposeAsync();

    protected static async Task<List<(string, string)>> ReadPairsAsync(System.Data.Common.DbCommand cmd)
    {
        var list = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    /// <summary>The table's indexes other than its key and unique constraints: name and the statement that makes it.</summary>
    protected abstract Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(string table);

    public static async Task<BulkSink> OpenAsync(string provider, string connectionString) => provider == "postgres"
        ? await PostgresSink.OpenAsync(connectionString)
        : await SqliteSink.OpenAsync(connectionString);

    /// <summary>
    /// Writes with the table's secondary indexes dropped and built again after the rows (one sorted build instead of
    /// a random insert per row: the search keys' name-order index made SQLite's key load 3.6× slower), and reports
    /// the rate, index builds included, on the console.
    /// </summary>
    public async Task<long> LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var sw = Stopwatch.StartNew();
        var indexes = await SecondaryIndexesAsync(table);
        foreach (var (name, _) in indexes) await ExecuteAsync($"DROP INDEX \"{name}\"");
        var n = await WriteAsync(table, columns, rows);
        var written = sw.Elapsed;
        foreach (var (_, definition) in indexes) await ExecuteAsync(definition);
        var built = indexes.Count == 0 ? "" : $"  (of which {indexes.Count} indexes built after the rows: {(sw.Elapsed - written).TotalSeconds:F1} s)";
        Console.WriteLine($"  {table,-20} {n,12:N0} rows  {sw.Elapsed.TotalSeconds,7:F1} s  {n / Math.Max(sw.Elapsed.TotalSeconds, 0.001),12:N0} rows/s{built}");
        return n;
    }
}

public sealed class PostgresSink(NpgsqlConnection conn) : BulkSink
{
    public static async Task<BulkSink> OpenAsync(string cs)
    {
        var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return new PostgresSink(conn);
    }

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var cols = string.Join(", ", columns.Select(c => $"\"{c}\""));
        long n = 0;
        await using (var importer = await conn.BeginBinaryImportAsync($"COPY \"{table}\" ({cols}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                foreach (var value in row)
                {
                    if (value is null) await importer.WriteNullAsync();
                    else await importer.WriteAsync(value);
                }
                n++;
            }
            await importer.CompleteAsync();
        }
        return n;
    }

    public override async Task ExecuteAsync(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    protected override async Task<List<(string, string)>> SecondaryIndexesAsync(string table)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() AND tablename = $1 " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", conn)
        { Parameters = { new() { Value = table } } };
        return await ReadPairsAsync(cmd);
    }

    public override ValueTask DisposeAsync() => conn.DisposeAsync();
}

public sealed class SqliteSink(SqliteConnection conn) : BulkSink
{
    public static async Task<BulkSink> OpenAsync(string cs)
    {
        var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;";
        await cmd.ExecuteNonQueryAsync();
        return new SqliteSink(conn);
    }

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        long n = 0;
        var tx = conn.BeginTransaction();
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = ToSqlite(row[i]);
            cmd.ExecuteNonQuery();
            if (++n % 500_000 == 0)
            {
                // Commit in large chunks so the WAL stays bounded; the generator is not an import.
                tx.Commit();
                tx.Dispose();
                tx = conn.BeginTransaction();
                cmd.Transaction = tx;
            }
        }
        tx.Commit();
        tx.Dispose();
        await cmd.DisposeAsync();
        return n;
    }

    /// <summary>The storage formats EF Core's SQLite provider uses, so the app reads generated rows as its own.</summary>
    private static object ToSqlite(object? v) => v switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        string[] list => JsonSerializer.Serialize(list),
        List<string> list => JsonSerializer.Serialize(list),
        _ => v,
    };

    public override async Task ExecuteAsync(string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    // Indexes SQLite makes for key and unique constraints have no statement.
    protected override async Task<List<(string, string)>> SecondaryIndexesAsync(string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
        cmd.Parameters.AddWithValue("$t", table);
        return await ReadPairsAsync(cmd);
    }

    public override ValueTask DisposeAsync() => conn.DisposeAsync();
}
