using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Dashboard;

namespace Tongxin.Features.Imports;

/// <summary>
/// Dashboard tallies for figures inserted in bulk on SQLite. Its tally trigger runs once per row (SQLite has
/// no statement triggers) and costs more than the row itself, so for the INSERT of a chunk the trigger is
/// dropped and afterwards recreated from its own stored definition, and the chunk is counted with one
/// grouped upsert. All of it happens inside the import's transaction: DDL is transactional in SQLite, other
/// connections keep seeing the trigger, and a failed import rolls everything back. PostgreSQL's statement
/// triggers already count a COPY at once, so there nothing changes.
/// </summary>
public sealed class BulkTally
{
    private const string Trigger = "figure_tally_insert";
    private readonly TongxinDb _db;
    private readonly string _definition;

    private BulkTally(TongxinDb db, string definition)
    {
        _db = db;
        _definition = definition;
    }

    /// <summary>Lifts the row trigger; null when there is nothing to lift (PostgreSQL, or no trigger).</summary>
    public static async Task<BulkTally?> LiftAsync(TongxinDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var definition = await db.Database
            .SqlQueryRaw<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = '{Trigger}'")
            .FirstOrDefaultAsync(ct);
        if (definition is null) return null;
        await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{Trigger}\"", ct);
        return new BulkTally(db, definition);
    }

    /// <summary>Counts the figures with ids in [first, last] (just inserted) and puts the trigger back.</summary>
    public async Task RestoreAsync(long first, long last, CancellationToken ct)
    {
        await _db.Database.ExecuteSqlRawAsync(
            FigureTallySql.AddSqlite($"(SELECT * FROM \"Figures\" WHERE \"Id\" BETWEEN {first} AND {last})"), ct);
        await _db.Database.ExecuteSqlRawAsync(_definition, ct);
    }
}
