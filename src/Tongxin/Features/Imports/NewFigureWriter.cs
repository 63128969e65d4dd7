using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// Inserts new figures with their accounts and metric snapshots without change tracking, which costs
/// far more than the rows: ids are reserved first, then multi-row INSERTs of real rows (so triggers on
/// the tables fire), the same audit lines SaveChanges would have written, and the search keys into the
/// import's <see cref="SearchKeyStage"/>, which the importer merges before it commits. Runs inside the caller's transaction.
/// </summary>
public static class NewFigureWriter
{
    public static async Task WriteAsync(TongxinDb db, IReadOnlyList<Figure> figures, SearchKeyStage keys, ImportPhases phases, CancellationToken ct)
    {
        if (figures.Count == 0) return;
        var accounts = figures.SelectMany(f => f.Accounts).ToList();
        var snapshots = accounts.SelectMany(a => a.Snapshots).ToList();
        var figureIds = await IdReserver.ReserveAsync<Figure>(db, figures.Count, ct);
        var accountIds = await IdReserver.ReserveAsync<PlatformAccount>(db, accounts.Count, ct);
        var snapshotIds = await IdReserver.ReserveAsync<MetricSnapshot>(db, snapshots.Count, ct);

        var now = DateTime.UtcNow;
        int a = 0, s = 0;
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            figure.Id = figureIds[i];
            SaveHooks.Stamp(figure, now, added: true);
            foreach (var account in figure.Accounts)
            {
                account.Id = accountIds[a++];
                account.FigureId = figure.Id;
                SaveHooks.Stamp(account);
                foreach (var snapshot in account.Snapshots)
                {
                    snapshot.Id = snapshotIds[s++];
                    snapshot.AccountId = account.Id;
                }
            }
            // Denormalized figure columns derived from its accounts are set here: nothing else sees these rows before the INSERT.
            figure.RecomputeAccountStats();
        }

        phases.Lap("reserve ids");
        var tally = await BulkTally.LiftAsync(db, BulkTally.InsertTrigger, ct);
        await RawInsert.ExecuteAsync(db, figures, Columns<Figure>(db), ct);
        phases.Lap("write figures");
        if (tally is not null)
        {
            await tally.CountAsync(figureIds.Min(), figureIds.Max(), 1, ct);
            await tally.RestoreAsync(ct);
        }
        phases.Lap("tallies");
        await RawInsert.ExecuteAsync(db, accounts, Columns<PlatformAccount>(db), ct);
        phases.Lap("write accounts");
        await RawInsert.ExecuteAsync(db, snapshots, Columns<MetricSnapshot>(db), ct);
        phases.Lap("write snapshots");
        await keys.AddAsync(figures, ct);
        phases.Lap("stage search keys");
        var lines = AuditLines(db, figures);
        phases.Lap("audit lines");
        await RawInsert.ExecuteAsync(db, lines, AuditCollector.Columns, ct);
        phases.Lap("write audit");
    }

    /// <summary>One "create" line per figure, account and snapshot, in that order per figure.</summary>
    private static List<AuditEntry> AuditLines(TongxinDb db, IReadOnlyList<Figure> figures)
    {
        var figureType = db.Model.FindEntityType(typeof(Figure))!;
        var accountType = db.Model.FindEntityType(typeof(PlatformAccount))!;
        var snapshotType = db.Model.FindEntityType(typeof(MetricSnapshot))!;
        var lines = new List<AuditEntry>(figures.Count * 3);
        foreach (var f in figures)
        {
            lines.Add(AuditCollector.Created(f, figureType).ToEntry(db.Actor));
            foreach (var account in f.Accounts)
            {
                lines.Add(AuditCollector.Created(account, accountType).ToEntry(db.Actor));
                foreach (var snapshot in account.Snapshots) lines.Add(AuditCollector.Created(snapshot, snapshotType).ToEntry(db.Actor));
            }
        }
        return lines;
    }

    private static List<(string, Func<T, object?>)> Columns<T>(TongxinDb db) => RawInsert.ColumnsOf<T>(db, includeKey: true);
}
