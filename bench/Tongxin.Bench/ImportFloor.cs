using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;

namespace Tongxin.Bench;

/// <summary>
/// The import's raw-SQL counterpart: the rows a committed import inserted for its new figures (figures,
/// accounts, snapshots, search keys, audit lines, batch rows) written again by the database itself —
/// INSERT … SELECT with shifted ids, the search keys in key order, table triggers and foreign keys as in
/// the import — in one transaction that is rolled back. Nothing is parsed, validated, matched or sent from
/// .NET, so what it takes is what the tables and their indexes cost at this size: a floor under any import
/// code. It leaves out the import's updates of existing figures and the commit, so the floor is low, not high.
/// </summary>
public static class ImportFloor
{
    public sealed record Result(long Figures, TimeSpan Elapsed, IReadOnlyList<(string Table, long Rows, TimeSpan Elapsed)> Tables)
    {
        public string Summary => string.Join(", ", Tables.Select(t => $"{t.Table} {t.Rows:N0} in {t.Elapsed.TotalSeconds:F1} s"));
    }

    // Past any id a benchmark dataset reaches, so shifted copies never collide with real rows.
    private const long Shift = 1_000_000_000_000;

    /// <summary>The floor of the newest import batch.</summary>
    public static async Task<Result> MeasureLatestAsync(BenchConfig config)
    {
        // Raw SQL only: the scope given to the context filters nothing here.
        await using var db = DataLayerScenarios.Open(config, new FixedScope(RegionRange.ForPrefix("51")));
        await db.Database.OpenConnectionAsync();
        var conn = db.Database.GetDbConnection();
        await using (var latest = conn.CreateCommand())
        {
            latest.CommandText = "SELECT max(\"Id\") FROM \"ImportBatches\"";
            var batchId = Convert.ToInt64(await latest.ExecuteScalarAsync());
            return await MeasureAsync(db, conn, config.Provider == "postgres", batchId);
        }
    }

    private static async Task<Result> MeasureAsync(TongxinDb db, DbConnection conn, bool pg, long batchId)
    {
        var newFigures = $"SELECT \"Id\" FROM \"Figures\" WHERE \"ImportBatchId\" = {batchId} AND \"Id\" < {Shift}";
        var tables = new List<(string, long, TimeSpan)>();
        var total = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync();
        // The import lifts SQLite's row trigger for its INSERT and counts the chunk itself; the floor leaves the count out.
        if (!pg) await ExecAsync(conn, tx, $"DROP TRIGGER IF EXISTS \"{BulkTally.InsertTrigger}\"");

        async Task Copy<T>(string where, string? orderBy, params string[] shifted)
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            var sw = Stopwatch.StartNew();
            var rows = await ExecAsync(conn, tx, CopySql(type, where, orderBy, shifted));
            tables.Add((type.GetTableName()!, rows, sw.Elapsed));
        }

        await Copy<Figure>($"\"ImportBatchId\" = {batchId} AND \"Id\" < {Shift}", null, "Id");
        await Copy<PlatformAccount>($"\"FigureId\" IN ({newFigures})", null, "Id", "FigureId");
        await Copy<MetricSnapshot>($"\"AccountId\" IN (SELECT \"Id\" FROM \"PlatformAccounts\" WHERE \"FigureId\" IN ({newFigures}))", null, "Id", "AccountId");
        await Copy<FigureSearchKey>($"\"FigureId\" IN ({newFigures})",
            "\"Key\", \"RegionCode\", \"Status\", \"SortKey\", \"FigureId\", \"Category\"", "FigureId");
        // Snapshot lines carry no figure id: every line the import wrote from its first new figure's on.
        await Copy<AuditEntry>($"\"Id\" >= (SELECT min(\"Id\") FROM \"AuditEntries\" WHERE \"Action\" = '{AuditActions.Create}' AND \"FigureId\" IN ({newFigures})) " +
            $"AND \"Id\" < {Shift}", null, "Id");
        await Copy<ImportBatchRow>($"\"BatchId\" = {batchId} AND \"Inserted\" = {(pg ? "true" : "1")} AND \"Id\" < {Shift}", null, "Id", "FigureId");
        var elapsed = total.Elapsed;
        await tx.RollbackAsync();
        if (pg)
        {
            // The rolled-back rows stay in the tables and indexes as dead entries until vacuumed; later scenarios should not read them.
            foreach (var t in tables.Select(t => t.Item1)) await ExecAsync(conn, null, $"VACUUM \"{t}\"");
        }
        return new Result(tables[0].Item2, elapsed, tables);
    }

    /// <summary>INSERT INTO t (every column) SELECT the same columns, the listed ones plus the shift.</summary>
    private static string CopySql(IEntityType type, string where, string? orderBy, string[] shifted)
    {
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().Select(p => p.GetColumnName(store)!).Where(c => c is not null).Distinct().ToList();
        // A handle has one owner per platform and an ID number one figure (unique indexes): the copies' keys get a mark;
        // same length of work.
        var select = columns.Select(c => shifted.Contains(c) ? $"\"{c}\" + {Shift}"
            : c is "HandleKey" or "IdNumberHash" ? $"\"{c}\" || '#copy'" : $"\"{c}\"");
        return $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", select)} " +
               $"FROM \"{table}\" WHERE {where}" + (orderBy is null ? "" : $" ORDER BY {orderBy}");
    }

    private static async Task<int> ExecAsync(DbConnection conn, DbTransaction? tx, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return await cmd.ExecuteNonQueryAsync();
    }
}
