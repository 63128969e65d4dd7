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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
