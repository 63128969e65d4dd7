using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongxin.Common.Data;

/// <summary>
/// Hand-written commands on the context's own connection and transaction, opened through EF so that its
/// connection interceptor (SQLite pragmas) runs and a caller's open connection or transaction is kept.
/// </summary>
public static class ContextConnection
{
    public static async Task<T> UseAsync<T>(TongxinDb db, Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
