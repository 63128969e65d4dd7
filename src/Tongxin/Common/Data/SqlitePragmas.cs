using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongxin.Common.Data;

/// <summary>
/// Sets the embedded database's durability and integrity pragmas on every connection:
/// WAL, synchronous=FULL (no lost commits on power loss), foreign keys, a busy timeout.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    // EF opens a read-only connection to test whether the file exists; switching to WAL needs a writer.
    private const string ReadOnlySql = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    private static string For(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode
            == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly ? ReadOnlySql : Sql;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
