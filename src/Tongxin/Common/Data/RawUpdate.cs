using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tongxin.Common.Data;

/// <summary>
/// Writes the modified columns of tracked entities of one type in bulk, on the context's connection and
/// transaction, without SaveChanges: entries with the same set of modified columns share one statement
/// (SQLite: one prepared UPDATE run per row; PostgreSQL: a binary COPY into a temporary table and one
/// UPDATE … FROM it, so a statement trigger fires once). Concurrency tokens are checked against their
/// original values exactly as SaveChanges would, and a row that changed meanwhile fails the whole write.
/// </summary>
public static class RawUpdate
{
    public static async Task<int> ExecuteAsync(TongxinDb db, IReadOnlyList<EntityEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return 0;
        var type = entries[0].Metadata;
        if (entries.Any(e => e.Metadata != type || e.State != EntityState.Modified))
            throw new InvalidOperationException("RawUpdate takes modified entries of one entity type");
        var key = type.FindPrimaryKey()!.Properties.Single();
        var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken).ToArray();
        var postgres = db.Database.IsNpgsql();
        var written = await ContextConnection.UseAsync(db, async (conn, tx) =>
        {
            var count = 0;
            foreach (var group in entries.GroupBy(e => string.Join(",", e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))))
            {
                var rows = group.ToList();
                var set = rows[0].Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToArray();
                if (set.Length == 0) continue;
                count += postgres
                    ? await UpdatePostgresAsync((NpgsqlConnection)conn, type, key, set, tokens, rows, ct)
                    : UpdateSqlite(conn, tx, type, key, set, tokens, rows);
            }
            return count;
        }, ct);
        if (written != entries.Count)
            throw new DbUpdateConcurrencyException($"{entries.Count - written} {type.ClrType.Name} rows changed or vanished meanwhile");
        return written;
    }

    private static string Column(IProperty p) => "\"" + p.GetColumnName() + "\"";

    /// <summary>The value as the database stores it (value converters applied, as SaveChanges would).</summary>
    private static object? Stored(IProperty p, object? value) =>
        value is null ? null : p.GetTypeMapping().Converter is { } c ? c.ConvertToProvider(value) : value;

    private static int UpdateSqlite(DbConnection conn, DbTransaction? tx, IEntityType type, IProperty key, IProperty[] set,
        IProperty[] tokens, List<EntityEntry> rows)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        var assignments = set.Select((p, i) => $"{Column(p)} = @s{i}");
        var conditions = tokens.Select((p, i) => $"{Column(p)} = @t{i}").Prepend($"{Column(key)} = @k");
        cmd.CommandText = $"UPDATE \"{type.GetTableName()}\" SET {string.Join(", ", assignments)} WHERE {string.Join(" AND ", conditions)}";
        DbParameter Add(string name)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            cmd.Parameters.Add(parameter);
            return parameter;
        }
        var setParameters = set.Select((_, i) => Add("@s" + i)).ToArray();
        var tokenParameters = tokens.Select((_, i) => Add("@t" + i)).ToArray();
        var keyParameter = Add("@k");
        cmd.Prepare();
        var written = 0;
        foreach (var entry in rows)
        {
            for (var i = 0; i < set.Length; i++) setParameters[i].Value = Stored(set[i], entry.Property(set[i].Name).CurrentValue) ?? DBNull.Value;
            for (var i = 0; i < tokens.Length; i++) tokenParameters[i].Value = Stored(tokens[i], entry.Property(tokens[i].Name).OriginalValue) ?? DBNull.Value;
            keyParameter.Value = entry.Property(key.Name).CurrentValue;
            written += cmd.ExecuteNonQuery();
        }
        return written;
    }

    private static async Task<int> UpdatePostgresAsync(NpgsqlConnection conn, IEntityType type, IProperty key, IProperty[] set,
        IProperty[] tokens, List<EntityEntry> rows, CancellationToken ct)
    {
        // Table and column names come from the model, never from input.
        var table = "\"" + type.GetTableName() + "\"";
        const string staged = "\"raw_update_rows\"";
        var stagedColumns = new List<string> { $"{Column(key)} AS \"k\"" };
        stagedColumns.AddRange(set.Select((p, i) => $"{Column(p)} AS \"s{i}\""));
        stagedColumns.AddRange(tokens.Select((p, i) => $"{Column(p)} AS \"t{i}\""));
        // Dropped again below; if anything fails first, the transaction's rollback removes it.
        await Execute(conn, $"CREATE TEMP TABLE {staged} AS SELECT {string.Join(", ", stagedColumns)} FROM {table} WITH NO DATA", ct);
        var names = new[] { "\"k\"" }.Concat(set.Select((_, i) => $"\"s{i}\"")).Concat(tokens.Select((_, i) => $"\"t{i}\""));
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY {staged} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var entry in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(entry.Property(key.Name).CurrentValue!, ct);
                foreach (var p in set) await Write(copy, Stored(p, entry.Property(p.Name).CurrentValue), ct);
                foreach (var p in tokens) await Write(copy, Stored(p, entry.Property(p.Name).OriginalValue), ct);
            }
            await copy.CompleteAsync(ct);
        }
        var assignments = set.Select((p, i) => $"{Column(p)} = s.\"s{i}\"");
        var conditions = tokens.Select((p, i) => $"t.{Column(p)} = s.\"t{i}\"").Prepend($"t.{Column(key)} = s.\"k\"");
        await using var update = conn.CreateCommand();
        update.CommandText = $"UPDATE {table} AS t SET {string.Join(", ", assignments)} FROM {staged} AS s WHERE {string.Join(" AND ", conditions)}";
        var written = await update.ExecuteNonQueryAsync(ct);
        await Execute(conn, $"DROP TABLE {staged}", ct);
        return written;
    }

    private static async Task Write(NpgsqlBinaryImporter copy, object? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, ct);
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
