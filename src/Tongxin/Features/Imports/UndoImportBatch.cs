using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

public sealed record ChangedRow(int Row, long FigureId, string? Name);
public sealed record UndoConflict(string Title, int Status, IReadOnlyList<ChangedRow> Rows);

/// <summary>
/// POST /api/import-batches/{id}/undo: in one transaction, deletes the figures the batch inserted, puts
/// back the before-images it replaced and removes the accounts and snapshots it added — but only when no
/// touched figure changed since (its version is still the one the import left); otherwise 409 with the rows.
/// </summary>
public static class UndoImportBatch
{
    public const string AlreadyUndone = "该批次已撤销";

    public static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, Conflict<UndoConflict>>> Handle(long id, TongxinDb db, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Problems.NotFound("导入批次");
        if (batch.UndoneAt is not null) return Problems.Conflict(AlreadyUndone);
        var rows = await db.ImportBatchRows.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.RowNumber).ToListAsync(ct);

        var current = new Dictionary<long, (int Version, string Name)>();
        foreach (var chunk in rows.Select(r => r.FigureId).Distinct().Chunk(1000))
            foreach (var f in await db.Figures.AsNoTracking().Where(f => chunk.Contains(f.Id)).Select(f => new { f.Id, f.Version, f.Name }).ToListAsync(ct))
                current[f.Id] = (f.Version, f.Name);
        var changed = rows.Where(r => !current.TryGetValue(r.FigureId, out var c) || c.Version != r.VersionAfter)
            .Select(r => new ChangedRow(r.RowNumber, r.FigureId, current.TryGetValue(r.FigureId, out var c) ? c.Name : null)).ToList();
        if (changed.Count > 0)
            return TypedResults.Conflict(new UndoConflict($"导入后有{changed.Count}条记录已被修改或删除，无法撤销", 409, changed));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in rows.Chunk(ImportLimits.ChunkSize))
        {
            await UndoChunkAsync(db, chunk, ct);
            db.ChangeTracker.Clear();
        }
        db.Attach(batch);
        batch.UndoneAt = DateTime.UtcNow;
        batch.UndoneBy = db.Actor.UserName;
        await db.LogAsync("import-undo", nameof(ImportBatch), batch.Id.ToString(),
            $"撤销导入 {batch.FileName}：删除新增{rows.Count(r => r.Inserted)}条，恢复更新{rows.Count(r => !r.Inserted)}条", batch.RegionCode, ct: ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task UndoChunkAsync(TongxinDb db, ImportBatchRow[] rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.FigureId).ToList();
        var figures = await db.Figures.Include(f => f.Accounts).Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var added = rows.Where(r => !r.Inserted).Select(r => AddedRecords.FromJson(r.AddedRecords)).ToList();
        var snapshotIds = added.SelectMany(a => a.Snapshots).ToList();
        var accountIds = added.SelectMany(a => a.Accounts).ToHashSet();
        var snapshots = await db.MetricSnapshots.Where(s => snapshotIds.Contains(s.Id)).ToListAsync(ct);
        db.MetricSnapshots.RemoveRange(snapshots);

        // Accounts that stay lose the import's snapshot: their current metrics go back to the latest remaining one.
        var keptAccounts = snapshots.Select(s => s.AccountId).Where(a => !accountIds.Contains(a)).ToHashSet();
        var removed = snapshots.Select(s => s.Id).ToHashSet();
        var latest = (await db.MetricSnapshots.AsNoTracking().Where(s => keptAccounts.Contains(s.AccountId)).ToListAsync(ct))
            .Where(s => !removed.Contains(s.Id)).GroupBy(s => s.AccountId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).First());

        foreach (var row in rows)
        {
            var figure = figures[row.FigureId];
            if (row.Inserted)
            {
                db.Figures.Remove(figure);
                continue;
            }
            if (row.Before is not null) FigureImage.Restore(db.Entry(figure), row.Before);
            foreach (var account in figure.Accounts.ToList())
            {
                if (accountIds.Contains(account.Id))
                {
                    figure.Accounts.Remove(account);
                    db.PlatformAccounts.Remove(account);
                }
                else if (keptAccounts.Contains(account.Id)) Revert(account, latest.GetValueOrDefault(account.Id));
            }
            figure.RecomputeAccountStats();
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Revert(PlatformAccount account, MetricSnapshot? latest)
    {
        account.Followers = latest?.Followers ?? 0;
        account.Likes = latest?.Likes;
        account.Works = latest?.Works;
        account.MetricsDate = latest?.Date;
    }
}
