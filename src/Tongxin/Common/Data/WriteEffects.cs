using Microsoft.EntityFrameworkCore;

namespace Tongxin.Common.Data;

/// <summary>What to do once the rows are written, in the same transaction (write the audit lines, the search keys…).</summary>
public delegate Task AfterWrite(CancellationToken ct);

/// <summary>
/// Something every write of rows must also do: stamps, audit lines, search keys, tallies. SaveChanges and the bulk
/// writers (the import's raw inserts and updates) run the same list, <see cref="WriteEffects.All"/>, so an effect
/// cannot be forgotten on one path. An effect declares itself by existing (like an entity configuration): a
/// non-abstract class in this assembly with a parameterless constructor.
/// </summary>
public interface IWriteEffect
{
    /// <summary>Effects run in ascending order, before and after alike: stamps first (they change what the others see), audit last.</summary>
    int Order { get; }

    /// <summary>
    /// The tracked changes are about to be written: by SaveChanges, or (<paramref name="bulk"/>) by a bulk writer
    /// that writes them with raw statements. Returns what to do once they are written, or null.
    /// </summary>
    Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct);

    /// <summary>
    /// New rows are about to be inserted without change tracking (a bulk writer; ids set, each parent before its
    /// children). Returns what to do once they are written, or null.
    /// </summary>
    Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct);
}

/// <summary>The one list of <see cref="IWriteEffect"/>s every write path runs.</summary>
public static class WriteEffects
{
    public static readonly IReadOnlyList<IWriteEffect> All = typeof(WriteEffects).Assembly.GetTypes()
        .Where(t => typeof(IWriteEffect).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IWriteEffect)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(e => e.Order).ThenBy(e => e.GetType().FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Runs every effect's <see cref="IWriteEffect.BeforeTrackedAsync"/>; the result runs what they left for after the write.</summary>
    public static async Task<Pending> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct)
    {
        var after = new List<(IWriteEffect, AfterWrite)>();
        foreach (var effect in All)
            if (await effect.BeforeTrackedAsync(db, bulk, ct) is { } then) after.Add((effect, then));
        return new Pending(after);
    }

    /// <summary>Runs every effect's <see cref="IWriteEffect.BeforeInsertAsync"/>; the result runs what they left for after the inserts.</summary>
    public static async Task<Pending> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var after = new List<(IWriteEffect, AfterWrite)>();
        if (rows.Count == 0) return new Pending(after);
        foreach (var effect in All)
            if (await effect.BeforeInsertAsync(db, rows, ct) is { } then) after.Add((effect, then));
        return new Pending(after);
    }

    /// <summary>The effects' work left for after the write.</summary>
    public sealed class Pending(List<(IWriteEffect Effect, AfterWrite Then)> after)
    {
        public bool IsEmpty => after.Count == 0;

        /// <param name="done">Told each effect's name when its work is done (the import books the time to it).</param>
        public async Task AfterAsync(CancellationToken ct, Action<string>? done = null)
        {
            foreach (var (effect, then) in after)
            {
                await then(ct);
                done?.Invoke(effect.GetType().Name);
            }
        }
    }
}
