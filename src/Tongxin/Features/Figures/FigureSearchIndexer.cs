using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Common.Data;
using Tongxin.Common.Text;

namespace Tongxin.Features.Figures;

/// <summary>
/// Keeps <see cref="FigureSearchKey"/> rows in step with figures, their accounts and organizations.
/// Run by <see cref="SearchKeyEffect"/> on every write path (API, import, seed), so the index stays correct.
/// </summary>
public static class FigureSearchIndexer
{
    public const int MaxHandleLength = 40;

    /// <summary>Figures whose keys a pending save affects; ids are read after the save (new rows get theirs then).</summary>
    public static List<Func<long>> AffectedFigureIds(ChangeTracker tracker)
    {
        var list = new List<Func<long>>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                // A deleted figure's keys go with it (RebuildAsync deletes them and finds nothing to index).
                case Figure f when entry.State is EntityState.Added or EntityState.Deleted
                        || entry.Property(nameof(Figure.Name)).IsModified || entry.Property(nameof(Figure.RegionCode)).IsModified
                        || entry.Property(nameof(Figure.Tags)).IsModified || entry.Property(nameof(Figure.Status)).IsModified
                        || entry.Property(nameof(Figure.SortKey)).IsModified || entry.Property(nameof(Figure.Category)).IsModified:
                    list.Add(() => f.Id);
                    break;
                case PlatformAccount a:
                    list.Add(() => a.FigureId);
                    break;
                case OrganizationMember m:
                    list.Add(() => m.FigureId);
                    break;
                case Organization o when entry.State == EntityState.Modified && entry.Property(nameof(Organization.Name)).IsModified:
                    foreach (var m in o.Members) list.Add(() => m.FigureId);
                    break;
            }
        }
        return list;
    }

    /// <summary>The key table's columns as the bulk writers write them.</summary>
    public static readonly (string Property, Func<FigureSearchKey, object?> Value)[] KeyColumns =
    [
        (nameof(FigureSearchKey.Key), k => k.Key), (nameof(FigureSearchKey.RegionCode), k => k.RegionCode),
        (nameof(FigureSearchKey.FigureId), k => k.FigureId), (nameof(FigureSearchKey.Status), k => (int)k.Status),
        (nameof(FigureSearchKey.SortKey), k => k.SortKey), (nameof(FigureSearchKey.Category), k => k.Category),
    ];

    /// <summary>The key rows of one figure: each carries the figure's region, status, sort key and category.</summary>
    private static IEnumerable<FigureSearchKey> RowsFor(long id, string regionCode, FigureStatus status, string sortKey, string? category, IEnumerable<string> keys) =>
        keys.Select(key => new FigureSearchKey { Key = key, FigureId = id, RegionCode = regionCode, Status = status, SortKey = sortKey, Category = category ?? "" });

    public static async Task RebuildAsync(TongxinDb db, IReadOnlyCollection<long> figureIds, CancellationToken ct)
    {
        foreach (var chunk in figureIds.Chunk(500))
        {
            await db.FigureSearchKeys.Where(k => chunk.Contains(k.FigureId)).ExecuteDeleteAsync(ct);
            var figures = await db.Figures.AsNoTracking().Where(f => chunk.Contains(f.Id))
                .Select(f => new { f.Id, f.Name, f.RegionCode, f.Tags, f.Status, f.SortKey, f.Category }).ToListAsync(ct);
            var handles = await db.PlatformAccounts.AsNoTracking().Where(a => chunk.Contains(a.FigureId))
                .Select(a => new { a.FigureId, a.HandleKey, a.Platform }).ToListAsync(ct);
            var orgs = await db.OrganizationMembers.AsNoTracking().Where(m => chunk.Contains(m.FigureId))
                .Select(m => new { m.FigureId, m.Organization!.NameKey }).ToListAsync(ct);
            var handlesBy = handles.ToLookup(h => h.FigureId, h => h.HandleKey);
            var platformsBy = handles.ToLookup(h => h.FigureId, h => h.Platform);
            var orgsBy = orgs.ToLookup(o => o.FigureId, o => o.NameKey);
            var rows = new List<FigureSearchKey>();
            foreach (var f in figures)
                rows.AddRange(RowsFor(f.Id, f.RegionCode, f.Status, f.SortKey, f.Category, KeysFor(f.Name, f.Tags, handlesBy[f.Id], orgsBy[f.Id], platformsBy[f.Id])));
            await InsertInKeyOrderAsync(db, rows, ct);
        }
    }

    /// <summary>
    /// Key rows of figures just inserted together with their accounts (bulk import): they have no keys to
    /// delete and no organizations yet, and everything needed is in memory, so nothing is read back.
    /// </summary>
    public static List<FigureSearchKey> RowsForNew(IEnumerable<Figure> figures)
    {
        var rows = new List<FigureSearchKey>();
        foreach (var f in figures)
            rows.AddRange(RowsFor(f.Id, f.RegionCode, f.Status, f.SortKey, f.Category, KeysFor(f.Name, f.Tags, f.Accounts.Select(a => a.HandleKey), [], f.Accounts.Select(a => a.Platform))));
        return rows;
    }

    /// <summary>Writes the keys of figures just inserted with their accounts (<see cref="RowsForNew"/>).</summary>
    public static Task InsertNewAsync(TongxinDb db, IEnumerable<Figure> figures, CancellationToken ct) =>
        InsertInKeyOrderAsync(db, RowsForNew(figures), ct);

    // In key order, the inserts walk the key index's pages in order instead of jumping across it.
    private static Task InsertInKeyOrderAsync(TongxinDb db, List<FigureSearchKey> rows, CancellationToken ct)
    {
        rows.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        return RawInsert.ExecuteAsync(db, rows, KeyColumns, ct);
    }

    /// <summary>Every key of one figure, without duplicates.</summary>
    /// <param name="platforms">The platforms of its accounts: a key each (<c>a:</c>), so that the list's platform filter is
    /// a range of the key index like a tag (decision 0002).</param>
    public static HashSet<string> KeysFor(string name, IEnumerable<string> tags, IEnumerable<string> handles,
        IEnumerable<string> organizationNames, IEnumerable<string> platforms)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var n = name.Trim().ToLowerInvariant();
        AddGrams(keys, "n:", n);
        foreach (var p in Pinyin.SearchKeys(name)) keys.Add("p:" + p);
        foreach (var h in handles) AddHandle(keys, h);
        foreach (var o in organizationNames) AddGrams(keys, "o:", o);
        foreach (var t in tags) if (!string.IsNullOrWhiteSpace(t)) keys.Add("t:" + t.Trim().ToLowerInvariant());
        foreach (var p in platforms) if (!string.IsNullOrWhiteSpace(p)) keys.Add(PlatformKey(p));
        return keys;
    }

    /// <summary>The key of a platform (<c>a:douyin</c>): below <c>p</c>, so the name-order index holds it.</summary>
    public static string PlatformKey(string platform) => "a:" + platform;

    /// <summary>Handles are found by their words (<see cref="HandleWords"/>).</summary>
    private static void AddHandle(HashSet<string> keys, string handle)
    {
        var h = handle.Trim().ToLowerInvariant();
        if (h.Length > MaxHandleLength) h = h[..MaxHandleLength];
        foreach (var word in HandleWords.Of(h)) keys.Add("h:" + word);
    }

    /// <summary>
    /// Grams of one and two characters, counted in code points: a character outside the BMP (𠮷, an emoji)
    /// is two UTF-16 units, and half of one is no character at all (both halves would store as U+FFFD).
    /// </summary>
    private static void AddGrams(HashSet<string> keys, string prefix, string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            if (Rune.IsWhiteSpace(runes[i])) continue;
            keys.Add(prefix + runes[i]);
            if (i + 1 < runes.Length && !Rune.IsWhiteSpace(runes[i + 1])) keys.Add(prefix + runes[i] + runes[i + 1]);
        }
    }
}
