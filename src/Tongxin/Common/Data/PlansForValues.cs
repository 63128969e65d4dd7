using Microsoft.EntityFrameworkCore;

namespace Tongxin.Common.Data;

/// <summary>
/// On PostgreSQL, has the statements of one piece of work planned for the values they are run with, not by the generic
/// plan that the server keeps for an auto-prepared statement after five runs (DatabaseOptions turns auto-prepare on).
/// </summary>
/// <remarks>
/// A generic plan takes every parameter for an average value. Search keys are anything but average: 王 has 80,000 key
/// rows and 王梓涵 a few dozen, a platform's key hundreds of thousands. Planned for an average key, a province's 王伟 with a
/// platform scanned the platform's rows for every row of the term (8 s at 1,000,000 figures, 1.5 ms planned for its
/// values), and 王 by followers drove from all of its keys (490 ms, 6 ms). The setting is local to a read-only
/// transaction, so it ends with the work and the pool's connections keep the default; SQLite has no such plans.
/// </remarks>
public static class PlansForValues
{
    public static async Task<IAsyncDisposable?> BeginAsync(TongxinDb db, CancellationToken cancellationToken = default)
    {
        if (db is not PostgresTongxinDb || db.Database.CurrentTransaction is not null) return null;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }
}
