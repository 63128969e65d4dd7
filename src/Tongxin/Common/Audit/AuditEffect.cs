using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongxin.Common.Data;

namespace Tongxin.Common.Audit;

/// <summary>The audit lines of <see cref="Domain.IAudited"/> rows, written after the rows (new rows have their ids then).</summary>
internal sealed class AuditEffect : IWriteEffect
{
    public int Order => 900;

    public Task<AfterWrite?> BeforeTrackedAsync(TongxinDb db, bool bulk, CancellationToken ct) =>
        Task.FromResult(Write(db, AuditCollector.Collect(db.ChangeTracker)));

    /// <summary>The "create" line change tracking would give each new row, in the rows' order.</summary>
    public Task<AfterWrite?> BeforeInsertAsync(TongxinDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var types = new Dictionary<Type, IEntityType?>();
        var lines = new List<AuditCollector.Pending>(rows.Count);
        foreach (var row in rows)
        {
            if (row is not Domain.IAudited) continue;
            var clr = row.GetType();
            if (!types.TryGetValue(clr, out var type)) types[clr] = type = db.Model.FindEntityType(clr);
            lines.Add(AuditCollector.Created(row, type!));
        }
        return Task.FromResult(Write(db, lines));
    }

    private static AfterWrite? Write(TongxinDb db, List<AuditCollector.Pending> lines) => lines.Count == 0 ? null
        : async ct =>
        {
            var entries = lines.Select(a => a.ToEntry(db.Actor)).ToList();
            await FigureRegions.FillAsync(db, entries, lines.Select(l => l.Entity), ct);
            await RawInsert.ExecuteAsync(db, entries, AuditCollector.Columns, ct);
        };
}

/// <summary>
/// Gives the lines about a figure's rows (accounts, snapshots, positions, honours, links) the figure's region, so
/// that those who may read the figure's region read them: from the figures written with them, else from the
/// database. The figure's table is found in the model (the principal of a region-owned row's FigureId key).
/// </summary>
internal static class FigureRegions
{
    private sealed class Row
    {
        public long Id { get; set; }
        public string RegionCode { get; set; } = "";
    }

    public static async Task FillAsync(TongxinDb db, List<AuditEntry> entries, IEnumerable<object> written, CancellationToken ct)
    {
        if (entries.All(e => e.RegionCode is not null || e.FigureId is null)) return;
        var known = new Dictionary<long, string>();
        // Figures written in the same unit of work (a new figure with its accounts; a figure moved to another region).
        foreach (var entity in written.Concat(db.ChangeTracker.Entries().Select(e => e.Entity)))
            if (entity is Domain.IRegionOwned owned and Domain.IAudited audited && audited.AuditFigureId is { } id)
                known.TryAdd(id, owned.RegionCode);
        var missing = entries.Where(e => e.RegionCode is null && e.FigureId is { } id && !known.ContainsKey(id))
            .Select(e => e.FigureId!.Value).Distinct().ToList();
        if (missing.Count > 0 && Source(db) is { } source)
        {
            foreach (var chunk in missing.Chunk(500))
            {
                var sql = $"SELECT \"{source.Id}\" AS \"Id\", \"{source.Region}\" AS \"RegionCode\" FROM \"{source.Table}\" WHERE \"{source.Id}\" IN ({string.Join(",", chunk)})";
                foreach (var row in await db.Database.SqlQueryRaw<Row>(sql).ToListAsync(ct)) known.TryAdd(row.Id, row.RegionCode);
            }
        }
        foreach (var entry in entries)
            if (entry.RegionCode is null && entry.FigureId is { } id && known.TryGetValue(id, out var region)) entry.RegionCode = region;
    }

    private static (string Table, string Id, string Region)? _source;

    private static (string Table, string Id, string Region)? Source(TongxinDb db)
    {
        if (_source is not null) return _source;
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (!typeof(Domain.IFigureOwned).IsAssignableFrom(type.ClrType)) continue;
            var fk = type.GetForeignKeys().FirstOrDefault(k => k.Properties is [{ Name: nameof(Domain.IFigureOwned.FigureId) }]);
            var figure = fk?.PrincipalEntityType;
            if (figure is null || !typeof(Domain.IRegionOwned).IsAssignableFrom(figure.ClrType) || figure.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, figure.GetSchema());
            var id = fk!.PrincipalKey.Properties[0].GetColumnName(store)!;
            var region = figure.FindProperty(nameof(Domain.IRegionOwned.RegionCode))!.GetColumnName(store)!;
            return _source = (table, id, region);
        }
        return null;
    }
}
