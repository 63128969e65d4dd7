using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongxin.Bench;

/// <summary>
/// Rows and on-disk size of the largest tables (with their indexes), the numbers that say when
/// partitioning or read replicas become worth their cost (docs/decisions/0007).
/// </summary>
public static class TableSizes
{
    private static readonly string[] Tables =
        ["Figures", "PlatformAccounts", "MetricSnapshots", "FigureSearchKeys", "AuditEntries", "ImportBatchRows", "LiaisonAssignments", "ContactLogs",
         "HelpRequests", "HelpRequestParts", "HelpRequestEvents", "TaskReports", "Notifications"];

    public static async Task<string> MarkdownAsync(BenchConfig config)
    {
        var md = new StringBuilder($"\nTable sizes ({config.Provider}):\n\n| table | rows | MB (with indexes) |\n|---|---:|---:|\n");
        await using DbConnection conn = config.Provider == "postgres" ? new NpgsqlConnection(config.ConnectionString) : new SqliteConnection(config.ConnectionString);
        await conn.OpenAsync();
        foreach (var table in Tables)
        {
            var rows = await ScalarAsync(conn, $"""SELECT count(*) FROM "{table}" """);
            var mb = config.Provider == "postgres"
                ? await ScalarAsync(conn, $"""SELECT pg_total_relation_size('"{table}"') / 1048576""")
                : -1;
            md.Append($"| {table} | {rows:N0} | {(mb >= 0 ? mb.ToString("N0") : "–")} |\n");
        }
        if (config.Provider == "sqlite")
        {
            var file = new SqliteConnectionStringBuilder(config.ConnectionString).DataSource;
            md.Append($"\nSQLite database file: {new FileInfo(file).Length / 1048576:N0} MB\n");
        }
        return md.ToString();
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
