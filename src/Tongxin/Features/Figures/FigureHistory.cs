using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Figures;

public static class FigureHistory
{
    /// <summary>The 动态管理 timeline: every change to the figure and its accounts, positions and honours.</summary>
    public static async Task<Results<Ok<List<HistoryItem>>, NotFoundProblem>> Handle(long id, TongxinDb db)
    {
        if (!await db.Figures.AnyAsync(f => f.Id == id)) return Problems.NotFound("人士");
        var idText = id.ToString();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.FigureId == id || (a.EntityType == nameof(Figure) && a.EntityId == idText))
            .OrderByDescending(a => a.Id).Take(500).ToListAsync();
        return TypedResults.Ok(rows.Select(a => new HistoryItem(a.At, a.UserName, a.Action, a.EntityType, a.Summary,
            a.Changes is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(a.Changes))).ToList());
    }
}
