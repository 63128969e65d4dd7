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
        : async ct => await RawInsert.ExecuteAsync(db, lines.Select(a => a.ToEntry(db.Actor)).ToList(), AuditCollector.Columns, ct);
}
