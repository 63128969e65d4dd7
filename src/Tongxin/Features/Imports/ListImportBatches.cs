using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

public sealed record ImportBatchItem(long Id, DateTime CreatedAt, string? UserName, string RegionCode, string FileName,
    int TotalRows, int Created, int Updated, DateTime? UndoneAt, string? UndoneBy);

public sealed record ImportBatchPage(IReadOnlyList<ImportBatchItem> Items, int Total);

/// <summary>GET /api/import-batches: committed imports in the caller's scope, newest first.</summary>
public static class ListImportBatches
{
    public static async Task<Ok<ImportBatchPage>> Handle(TongxinDb db, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.ImportBatches.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(b => new ImportBatchItem(b.Id, b.CreatedAt, b.UserName, b.RegionCode, b.FileName, b.TotalRows, b.Created, b.Updated, b.UndoneAt, b.UndoneBy))
            .ToListAsync(ct);
        return TypedResults.Ok(new ImportBatchPage(items, total));
    }
}
