using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Members;

public static class ListCorrections
{
    /// <summary>Members' corrections and withdrawal requests in the caller's regions; pending ones oldest first, decided ones newest first.</summary>
    public static async Task<Results<Ok<Paged<CorrectionItem>>, ValidationProblem>> Handle(TongxinDb db, string? state, string? kind,
        string? regionCode, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Corrections.AsNoTracking();
        CorrectionState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            wanted = CorrectionStates.FromApi(state);
            if (wanted is null) return Problems.Validation("state", "状态应为 pending、approved 或 rejected");
            query = query.Where(c => c.State == wanted);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            CorrectionKind? k = kind switch { "correction" => CorrectionKind.Correction, "withdrawal" => CorrectionKind.Withdrawal, _ => null };
            if (k is null) return Problems.Validation("kind", "类型应为 correction 或 withdrawal");
            query = query.Where(c => c.Kind == k);
        }
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var range = await ScopedRegions.RequireSubtree(db, regionCode);
            query = query.Where(c => string.Compare(c.Figure!.RegionCode, range.Low) >= 0 && string.Compare(c.Figure.RegionCode, range.High) < 0);
        }
        var total = await query.CountAsync();
        var ordered = wanted == CorrectionState.Pending
            ? query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                Correction = c,
                c.Figure!.Name,
                Region = db.Regions.Where(r => r.Code == c.Figure.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? c.Figure.RegionCode,
            }).ToListAsync();
        return TypedResults.Ok(new Paged<CorrectionItem>(rows.Select(r => CorrectionItem.From(r.Correction, r.Name, r.Region)).ToList(), total));
    }
}
