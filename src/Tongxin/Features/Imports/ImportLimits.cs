namespace Tongxin.Features.Imports;

/// <summary>Bounds on uploads and the point where an import becomes a background job.</summary>
public static class ImportLimits
{
    /// <summary>Largest accepted upload (the .xlsx file itself).</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>An .xlsx is a zip: more entries than this is not a spreadsheet we wrote or Excel wrote.</summary>
    public const int MaxZipEntries = 10_000;

    /// <summary>Total declared uncompressed size of the zip entries (zip-bomb guard).</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Files with more data rows than this answer 202 and run as a job.</summary>
    public const int MaxSynchronousRows = 5_000;

    /// <summary>The header row is looked for among this many rows from the top.</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>
    /// Rows validated, matched and saved together; job progress is published after each chunk. A chunk's
    /// tracked figures live just long enough to reach gen 2, so the peak grows with the chunk (10,000 updated
    /// rows: peak RSS 276 MB at 2,000, 217 MB at 500, live heap ~30 MB throughout) while the speed is the same.
    /// </summary>
    public const int ChunkSize = 500;

    /// <summary>At most this many errors travel in the JSON report; the error workbook has them all.</summary>
    public const int MaxErrorsInReport = 1_000;

    /// <summary>Row numbers listed per unknown dictionary word (its row count counts them all).</summary>
    public const int MaxRowsPerUnknownValue = 100;

    /// <summary>Distinct unknown dictionary words listed in a report; a sheet with more is not one office's wording.</summary>
    public const int MaxUnknownValues = 500;
}

/// <summary>The whole file is unusable (not .xlsx, too large, no header row); answered as 400 with the message.</summary>
public sealed class ImportFileException(string message) : Exception(message);
