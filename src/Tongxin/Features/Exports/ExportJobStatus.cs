using Tongxin.Common.Jobs;

namespace Tongxin.Features.Exports;

/// <summary>An export as its requester sees it: state, rows written of the total, and the download once done.</summary>
public sealed record ExportJobStatus(Guid Id, string State, int ProcessedRows, int TotalRows, double Progress, string Description,
    DateTime CreatedAt, DateTime? FinishedAt, DateTime? ExpiresAt, string? DownloadUrl, string? Error)
{
    public static ExportJobStatus Of(ExportJob job)
    {
        var done = job.State == JobStates.Done;
        var processed = done ? job.TotalRows : Math.Min(job.ProcessedRows, job.TotalRows);
        var progress = done ? 1 : job.TotalRows == 0 ? 0 : Math.Round(processed / (double)job.TotalRows, 3);
        var expiresAt = done ? job.FinishedAt + ExportFiles.KeepFor : null;
        var available = done && job.FileToken is not null && expiresAt > DateTime.UtcNow;
        return new ExportJobStatus(job.Id, job.State, processed, job.TotalRows, progress, job.Description, job.CreatedAt,
            job.FinishedAt, expiresAt, available ? $"/api/export-jobs/{job.Id}/file" : null, job.Error);
    }
}
