using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Liaison;

/// <summary>
/// Keeps each assignment's <see cref="Assignment.LastContactOn"/>, <see cref="Assignment.NextDueOn"/> (and its sort date)
/// and the copies of its figure's region and status in step with every write: a contact log added, deleted or moved
/// (date, figure, cadre), an assignment added or changed (start, end, cadre), a figure's key level, region or status
/// changed (edit, withdraw, restore, import, import undo), or the <c>contactRule</c> dictionary changed (then every
/// active assignment, in one set-based UPDATE). The figures touched are recomputed after the write, in the same
/// transaction, from the contact logs and the rules (<see cref="DueDates.RecomputeAsync"/>).
/// </summary>
internal sealed class DueDateEffect : IWriteEffect
{
    // After the search keys (100), before the audit (which runs last).
    public int Order => 150;

    public Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        var touched = new List<Func<long>>();
        var rulesChanged = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case ContactLog l when entry.State is EntityState.Added:
                    touched.Add(() => l.FigureId);
                    break;
                case ContactLog l when entry.State is EntityState.Deleted
                        || entry.Property(nameof(ContactLog.Date)).IsModified || entry.Property(nameof(ContactLog.FigureId)).IsModified
                        || entry.Property(nameof(ContactLog.CadreUserId)).IsModified:
                    {
                        var before = (long)entry.Property(nameof(ContactLog.FigureId)).OriginalValue!;
                        touched.Add(() => before);
                        touched.Add(() => l.FigureId);
                        break;
                    }
                case Assignment a when entry.State is EntityState.Added:
                    touched.Add(() => a.FigureId);
                    break;
                case Assignment a when entry.State is EntityState.Modified
                        && (entry.Property(nameof(Assignment.StartOn)).IsModified || entry.Property(nameof(Assignment.EndOn)).IsModified
                            || entry.Property(nameof(Assignment.CadreUserId)).IsModified || entry.Property(nameof(Assignment.FigureId)).IsModified):
                    {
                        var before = (long)entry.Property(nameof(Assignment.FigureId)).OriginalValue!;
                        touched.Add(() => before);
                        touched.Add(() => a.FigureId);
                        break;
                    }
                // The key level sets the interval; the region and the status are copied onto the assignments.
                case Figure f when entry.State is EntityState.Modified && (entry.Property(nameof(Figure.KeyLevel)).IsModified
                        || entry.Property(nameof(Figure.RegionCode)).IsModified || entry.Property(nameof(Figure.Status)).IsModified):
                    touched.Add(() => f.Id);
                    break;
                case DictionaryItem d when d.Type == ContactRules.DictionaryType
                        || (entry.State is EntityState.Modified && (string?)entry.Property(nameof(DictionaryItem.Type)).OriginalValue == ContactRules.DictionaryType):
                    rulesChanged = true;
                    break;
            }
        }
        if (rulesChanged) return Task.FromResult<AfterWrite?>(ct2 => DueDates.RecomputeAllAsync(db, ct2));
        return Task.FromResult<AfterWrite?>(touched.Count == 0 ? null : ct2 =>
        {
            // Ids are read after the write: new rows have theirs then.
            var ids = touched.Select(t => t()).Where(id => id > 0).ToHashSet();
            return ids.Count == 0 ? Task.CompletedTask : DueDates.RecomputeAsync(db, ids, ct2);
        });
    }

    public Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        // The bulk writers insert figures (no assignments or logs yet); should they ever insert these, the same holds.
        var ids = rows.OfType<ContactLog>().Select(l => l.FigureId).Concat(rows.OfType<Assignment>().Select(a => a.FigureId)).ToHashSet();
        return Task.FromResult<AfterWrite?>(ids.Count == 0 ? null : ct2 => DueDates.RecomputeAsync(db, ids, ct2));
    }
}

/// <summary>
/// The set-based recomputation of the stored due dates, as hand SQL per provider (EF cannot translate a navigation
/// in an ExecuteUpdate setter): the last contact from the logs' (FigureId, CadreUserId, Date) index, then the
/// next-due date as <c>anchor + CASE level WHEN 'city' THEN 90 … ELSE none END</c> (<see cref="ContactRules.NextDue"/>).
/// </summary>
public static class DueDates
{
    private const int Chunk = 1000;

    /// <summary>The assignments (active and ended) of these figures: last contact by their cadre, then the next-due date.</summary>
    public static async Task RecomputeAsync(TongxinDb db, IReadOnlyCollection<long> figureIds, CancellationToken ct = default)
    {
        var rules = await ContactRules.Load(db);
        foreach (var chunk in figureIds.Chunk(Chunk))
        {
            // Ids are numbers from the database, written as literals (one statement shape per chunk size is not worth a cache).
            var ids = string.Join(",", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var lastContact = $"""
                UPDATE "LiaisonAssignments" SET "LastContactOn" = (SELECT MAX(l."Date") FROM "ContactLogs" AS l
                    WHERE l."FigureId" = "LiaisonAssignments"."FigureId" AND l."CadreUserId" = "LiaisonAssignments"."CadreUserId")
                WHERE "FigureId" IN ({ids})
                """;
            await db.Database.ExecuteSqlRawAsync(lastContact, ct);
            await db.Database.ExecuteSqlRawAsync(NextDueSql(db, rules, $"\"FigureId\" IN ({ids})"), ct);
        }
    }

    /// <summary>After a change of the rules: every active assignment's next-due date, in one UPDATE (the last contacts stand).</summary>
    public static async Task RecomputeAllAsync(TongxinDb db, CancellationToken ct = default)
    {
        var rules = await ContactRules.Load(db);
        await db.Database.ExecuteSqlRawAsync(NextDueSql(db, rules, "\"EndOn\" IS NULL"), ct);
    }

    /// <summary>
    /// The UPDATE that sets NextDueOn from LastContactOn (or StartOn) and the figure's key level, its sort date
    /// (<see cref="Assignment.NeverDue"/> when null), and the copies of the figure's region and status, for the rows <paramref name="where"/> picks.
    /// </summary>
    public static string NextDueSql(TongxinDb db, ContactRules rules, string where)
    {
        static string Text(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        var whens = string.Concat(rules.Days.Where(d => d.Key != ContactRules.NoLevel).OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => $" WHEN {Text(d.Key)} THEN {d.Value.ToString(CultureInfo.InvariantCulture)}"));
        var fallback = rules.Days.TryGetValue(ContactRules.NoLevel, out var none) ? none.ToString(CultureInfo.InvariantCulture) : "NULL";
        var never = Text(Assignment.NeverDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (db.Database.IsNpgsql())
        {
            var due = $"""(COALESCE(a."LastContactOn", a."StartOn") + (CASE f."KeyLevel"{whens} ELSE {fallback} END))""";
            return $"""
                UPDATE "LiaisonAssignments" AS a
                SET "NextDueOn" = {due}, "NextDueSort" = COALESCE({due}, DATE {never}),
                    "RegionCode" = f."RegionCode", "FigureStatus" = f."Status"
                FROM "Figures" AS f
                WHERE f."Id" = a."FigureId" AND a.{where}
                """;
        }
        var sqliteDue = $"""date(COALESCE("LiaisonAssignments"."LastContactOn", "LiaisonAssignments"."StartOn"), '+' || (CASE f."KeyLevel"{whens} ELSE {fallback} END) || ' days')""";
        return $"""
            UPDATE "LiaisonAssignments"
            SET ("NextDueOn", "NextDueSort", "RegionCode", "FigureStatus") = (SELECT {sqliteDue}, COALESCE({sqliteDue}, {never}), f."RegionCode", f."Status"
                FROM "Figures" AS f WHERE f."Id" = "LiaisonAssignments"."FigureId")
            WHERE {where}
            """;
    }
}
