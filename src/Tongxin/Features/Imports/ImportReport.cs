namespace Tongxin.Features.Imports;

public static class ImportModes
{
    public const string DryRun = "dryRun";
    public const string Commit = "commit";

    public static bool IsValid(string? mode) => mode is DryRun or Commit;
}

/// <summary>One problem of one row: the Excel row number, the column header as written in the file, a Chinese message.</summary>
public sealed record RowError(int Row, string? Column, string Message);

/// <summary>
/// The outcome of a dry run or commit. A commit with any row error writes nothing and answers 200 with
/// <c>committed: false</c>; the errors say what to fix.
/// </summary>
public sealed record ImportReport
{
    public required string Mode { get; init; }
    public bool Committed { get; init; }
    public int TotalRows { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    /// <summary>All errors, though <see cref="Errors"/> carries at most <see cref="ImportLimits.MaxErrorsInReport"/>.</summary>
    public int ErrorCount { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }
    public required IReadOnlyList<string> UnknownColumns { get; init; }
    public long? BatchId { get; init; }
    /// <summary>Token of the error workbook (the uploaded rows with a 错误说明 column), when there were errors.</summary>
    public string? ErrorReportToken { get; init; }
    public string? ErrorReportUrl => ErrorReportToken is null ? null : $"/api/figures/import/errors/{ErrorReportToken}";
}

public sealed record ImportJobAccepted(Guid JobId);

public sealed record ImportJobStatus(Guid Id, string State, int ProcessedRows, int TotalRows, double Progress, ImportReport? Report, string? Error);

public static class ImportJson
{
    /// <summary>How a job's report is stored: the same camelCase shape the API answers with.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
