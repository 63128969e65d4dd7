using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.Imports;

/// <summary>
/// Progress of running jobs and a wake-up for the runner. Jobs themselves live in the database (any
/// server may claim them); progress is written there too on PostgreSQL. On SQLite the import's write
/// transaction holds the only write lock, so progress of a running job is kept in this process, which
/// is the only server an embedded database has.
/// </summary>
public sealed class ImportJobQueue(DatabaseOptions options) : JobWakeUp
{
    private readonly ConcurrentDictionary<Guid, int> _progress = new();

    public bool WritesProgressToDatabase => options.IsPostgres;

    public void SetProgress(Guid jobId, int rows) => _progress[jobId] = rows;
    public int ProgressOf(Guid jobId) => _progress.GetValueOrDefault(jobId);
    public void Forget(Guid jobId) => _progress.TryRemove(jobId, out _);

    /// <summary>Queues a large file kept in the file store (<paramref name="storedFile"/>) until the job has run.</summary>
    public async Task<Guid> EnqueueAsync(TongxinDb db, ImportRequest request, string storedFile, int totalRows, CancellationToken ct)
    {
        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            RegionCode = request.ImporterRegion,
            UserId = db.Actor.UserId,
            UserName = db.Actor.UserName,
            Mode = request.Mode,
            FileName = Path.GetFileName(request.FileName),
            StoredFile = storedFile,
            TotalRows = totalRows,
            Mappings = request.Mappings is { Count: > 0 } m ? ValueMappings.ToJson(m) : null,
            CreatedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake();
        return job.Id;
    }
}
