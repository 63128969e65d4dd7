using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Exports;

/// <summary>Queues exports in the database (any server may run them) and wakes this process's runner.</summary>
public sealed class ExportJobQueue : JobWakeUp
{
    /// <summary>
    /// Queues an export of the filter for the signed-in user, with their region as the job's scope. The same
    /// filter still waiting or running for the same user is that job (a double click starts one export).
    /// </summary>
    public async Task<ExportJob> EnqueueAsync(TongxinDb db, FigureFilter filter, string userId, string regionCode, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(filter, ExportJson.Options);
        var waiting = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.UserId == userId && j.RegionCode == regionCode
            && j.Filter == json && (j.State == JobStates.Queued || j.State == JobStates.Running), ct);
        if (waiting is not null) return waiting;
        var job = new ExportJob
        {
            Id = Guid.NewGuid(),
            RegionCode = regionCode,
            UserId = userId,
            UserName = db.Actor.UserName,
            Filter = json,
            Description = await FigureExporter.DescribeAsync(db, filter, ct),
            CreatedAt = DateTime.UtcNow,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake();
        return job;
    }
}

public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
