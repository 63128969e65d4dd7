using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

/// <summary>
/// Progress of running jobs and a wake-up for the runner. Jobs themselves live in the database (any
/// server may claim them); progress is written there too on PostgreSQL. On SQLite the import's write
/// transaction holds the only write lock, so progress of a running job is kept in this process, which
/// is the only server an embedded database has.
/// </summary>
public sealed class ImportJobQueue(DatabaseOptions options)
{
    private readonly ConcurrentDictionary<Guid, int> _progress = new();
    private readonly SemaphoreSlim _wake = new(0);

    public bool WritesProgressToDatabase => options.IsPostgres;

    /// <summary>Tells the runner of this process to look for work now instead of at its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await _wake.WaitAsync(timeout, ct); }
        catch (OperationCanceledException) { }
    }

    public void SetProgress(Guid jobId, int rows) => _progress[jobId] = rows;
    public int ProgressOf(Guid jobId) => _progress.GetValueOrDefault(jobId);
    public void Forget(Guid jobId) => _progress.TryRemove(jobId, out _);

    /// <summary>Queues a large file kept in the file store (<paramref name="storedFile"/>) until the job has run.</summary>
    public async Task<Guid> EnqueueAsync(TongxinDb db, ImportRequest request, string storedFile, int totalRows, CancellationToken ct)
    {
        var job = new ImportJob
        {
            Id = Guid.NewGuid(), RegionCode = request.ImporterRegion, UserId = db.Actor.UserId, UserName = db.Actor.UserName,
            Mode = request.Mode, FileName = Path.GetFileName(request.FileName), StoredFile = storedFile,
            TotalRows = totalRows, CreatedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake();
        return job.Id;
    }
}
