using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Dashboard;

namespace Tongxin.Features.Imports;

/// <summary>
/// Dashboard tallies for figures written in bulk on SQLite. Its tally triggers run once per row (SQLite has
/// no statement triggers) and cost more than the row itself, so around a bulk INSERT or UPDATE the trigger is
/// dropped and afterwards recreated from its own stored definition, and the rows are counted with grouped
/// upserts: an INSERT adds the new rows' contributions, an UPDATE subtracts the rows' contributions before it
/// and adds them after it. All of it happens inside the import's transaction: DDL is transactional in SQLite,
/// other connections keep seeing the trigger, and a failed import rolls everything back. PostgreSQL's
/// statement triggers already count a COPY or an UPDATE … FROM at once, so there nothing changes.
/// </summary>
public sealed class BulkTally
{
    public const string InsertTrigger = "figure_tally_insert";
    public const string UpdateTrigger = "figure_tally_update";
    private readonly TongxinDb _db;
    private readonly string _definition;

    private BulkTally(TongxinDb db, string definition)
    {
        _db = db;
        _definition = definition;
    }

    /// <summary>Lifts the row trigger; null when there is nothing to lift (PostgreSQL, or no trigger).</summary>
    public static async Task<BulkTally?> LiftAsync(TongxinDb db, string trigger, CancellationToken ct)
    {
        if (trigger is not (InsertTrigger or UpdateTrigger)) throw new ArgumentException("Not a tally trigger: " + trigger, nameof(trigger));
        if (!db.Database.IsSqlite()) return null;
        var definition = await db.Database
            .SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = {trigger}")
            .FirstOrDefaultAsync(ct);
        if (definition is null) return null;
        // Built from the constants alone (DDL takes no parameters), not from the argument.
        var drop = trigger == InsertTrigger ? "DROP TRIGGER \"" + InsertTrigger + "\"" : "DROP TRIGGER \"" + UpdateTrigger + "\"";
        await db.Database.ExecuteSqlRawAsync(drop, ct);
        return new BulkTally(db, definition);
    }

    /// <summary>Counts the figures with ids in [first, last] once more (<paramref name="sign"/> 1) or once less (-1).</summary>
    public Task CountAsync(long first, long last, int sign, CancellationToken ct) =>
        _db.Database.ExecuteSqlRawAsync(FigureTallySql.AddSqlite($"(SELECT * FROM \"Figures\" WHERE \"Id\" BETWEEN {first} AND {last})", sign), ct);

    /// <summary>Counts the figures with these ids once more (<paramref name="sign"/> 1) or once less (-1).</summary>
    public Task CountAsync(IEnumerable<long> ids, int sign, CancellationToken ct) =>
        _db.Database.ExecuteSqlRawAsync(FigureTallySql.AddSqlite($"(SELECT * FROM \"Figures\" WHERE \"Id\" IN ({string.Join(",", ids)}))", sign), ct);

    /// <summary>Puts the trigger back as it was.</summary>
    public Task RestoreAsync(CancellationToken ct) => _db.Database.ExecuteSqlRawAsync(_definition, ct);
}
