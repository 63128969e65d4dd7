using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// Inserts new figures with their accounts and metric snapshots without change tracking, which costs
/// far more than the rows: ids are reserved first, then multi-row INSERTs of real rows (so triggers on
/// the tables fire), around them the same <see cref="WriteEffects"/> SaveChanges runs (stamps, audit lines, tallies,
/// and the search keys, into the import's <see cref="SearchKeyStage"/>, which the importer merges before it commits).
/// Runs inside the caller's transaction.
/// </summary>
public static class NewFigureWriter
{
    public static async Task WriteAsync(TongxinDb db, IReadOnlyList<Figure> figures, ImportPhases phases, CancellationToken ct)
    {
        if (figures.Count == 0) return;
        var accounts = figures.SelectMany(f => f.Accounts).ToList();
        var snapshots = accounts.SelectMany(a => a.Snapshots).ToList();
        var figureIds = await IdReserver.ReserveAsync<Figure>(db, figures.Count, ct);
        var accountIds = await IdReserver.ReserveAsync<PlatformAccount>(db, accounts.Count, ct);
        var snapshotIds = await IdReserver.ReserveAsync<MetricSnapshot>(db, snapshots.Count, ct);

        // Each figure, then each of its accounts with that account's snapshots: the order of the audit lines.
        var rows = new List<object>(figures.Count + accounts.Count + snapshots.Count);
        int a = 0, s = 0;
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            figure.Id = figureIds[i];
            rows.Add(figure);
            foreach (var account in figure.Accounts)
            {
                account.Id = accountIds[a++];
                account.FigureId = figure.Id;
                rows.Add(account);
                foreach (var snapshot in account.Snapshots)
                {
                    snapshot.Id = snapshotIds[s++];
                    snapshot.AccountId = account.Id;
                    rows.Add(snapshot);
                }
            }
            // Denormalized figure columns derived from its accounts are set here: nothing else sees these rows before the INSERT.
            figure.RecomputeAccountStats();
        }

        phases.Lap("reserve ids");
        var effects = await WriteEffects.BeforeInsertAsync(db, rows, ct);
        phases.Lap("effects before insert");
        await RawInsert.ExecuteAsync(db, figures, Columns<Figure>(db), ct);
        phases.Lap("write figures");
        await RawInsert.ExecuteAsync(db, accounts, Columns<PlatformAccount>(db), ct);
        phases.Lap("write accounts");
        await RawInsert.ExecuteAsync(db, snapshots, Columns<MetricSnapshot>(db), ct);
        phases.Lap("write snapshots");
        await effects.AfterAsync(ct, phases.Lap);
    }

    private static List<(string, Func<T, object?>)> Columns<T>(TongxinDb db) => RawInsert.ColumnsOf<T>(db, includeKey: true);
}
