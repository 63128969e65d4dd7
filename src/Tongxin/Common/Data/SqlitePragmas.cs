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

    // Pooled connections reopen the same native handle: its pragmas are still set, so run them once per handle.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = new();

    private static bool AlreadyPrepared(DbConnection connection)
    {
        var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
        if (handle is null) return false;
        if (Prepared.TryGetValue(handle, out _)) return true;
        Prepared.AddOrUpdate(handle, handle);
        return false;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyPrepared(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (AlreadyPrepared(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = For(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
