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
    /// <summary>
    /// All row errors, though <see cref="Errors"/> carries at most <see cref="ImportLimits.MaxErrorsInReport"/>. In a
    /// dry run an unknown dictionary word is not a row error: it is listed in <see cref="UnknownValues"/> instead. At a
    /// commit a word still unplaced is a row error as well.
    /// </summary>
    public int ErrorCount { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }
    public required IReadOnlyList<string> UnknownColumns { get; init; }
    /// <summary>Words to map to a dictionary item before the commit (see <see cref="UnknownValue"/>).</summary>
    public IReadOnlyList<UnknownValue> UnknownValues { get; init; } = [];
    /// <summary>Rows whose only problem is an unknown word: neither counted in errors nor in created/updated until mapped.</summary>
    public int RowsNeedingMapping { get; init; }
    public long? BatchId { get; init; }
    /// <summary>Token of the error workbook (the uploaded rows with a 错误说明 column), when there were errors.</summary>
    public string? ErrorReportToken { get; init; }
    public string? ErrorReportUrl => ErrorReportToken is null ? null : $"/api/figures/import/errors/{ErrorReportToken}";
}

/// <summary>
/// A word of a dictionary column that neither the dictionary (codes, labels, aliases) nor a mapping places: the
/// column as headed in the file, its dictionary type, the word, the rows using it (the first
/// <see cref="ImportLimits.MaxRowsPerUnknownValue"/>; <see cref="RowCount"/> counts all) and up to three codes it
/// may mean, best first. The commit places it through its <c>mappings</c> field.
/// </summary>
public sealed record UnknownValue(string Column, string Type, string Value, IReadOnlyList<int> Rows, int RowCount, IReadOnlyList<string> Suggestions);

public sealed record ImportJobAccepted(Guid JobId);

public sealed record ImportJobStatus(Guid Id, string State, int ProcessedRows, int TotalRows, double Progress, ImportReport? Report, string? Error);

public static class ImportJson
{
    /// <summary>How a job's report is stored: the same camelCase shape the API answers with.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
