using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// Search keys are derived data: when the rules that make them change, a database made under the old rules
/// has its keys rebuilt once at start-up. The run is recorded in JobRuns as (name, "v" + version).
/// </summary>
public static class SearchKeyFormat
{
    /// <summary>
    /// Raise when <see cref="FigureSearchIndexer"/>'s keys change. 2: handles by whole words; 3: keys carry the
    /// figure's status and sort key (added columns start empty until rebuilt); 4: and its category.
    /// </summary>
    public const int Version = 4;
    public const string JobName = "search-key-format";
    public static string Period => $"v{Version}";

    public static async Task EnsureCurrentAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        if (await db.JobRuns.AnyAsync(r => r.Name == JobName && r.Period == Period, ct)) return;
        var startedAt = DateTime.UtcNow;
        var rebuilt = 0;
        if (await db.FigureSearchKeys.AnyAsync(ct))
        {
            log.LogWarning("Search keys were made by older rules; rebuilding them (format {Version})", Version);
            long last = 0;
            while (true)
            {
                var ids = await db.Figures.AsNoTracking().Where(f => f.Id > last).OrderBy(f => f.Id).Select(f => f.Id).Take(2_000).ToListAsync(ct);
                if (ids.Count == 0) break;
                await FigureSearchIndexer.RebuildAsync(db, ids, ct);
                rebuilt += ids.Count;
                last = ids[^1];
            }
        }
        db.JobRuns.Add(new Common.Jobs.JobRun
        {
            Name = JobName,
            Period = Period,
            Server = Environment.MachineName,
            StartedAt = startedAt,
            FinishedAt = DateTime.UtcNow,
            Outcome = $"search keys of {rebuilt} figures rebuilt",
        });
        await db.SaveChangesAsync(ct);
    }
}
