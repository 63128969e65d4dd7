using MiniExcelLibs;
using Tongxin.Common.Files;
using Tongxin.Common.Text;

namespace Tongxin.Features.Imports;

/// <summary>
/// The uploaded rows again, with a 错误说明 column: the user fixes the marked rows in this workbook and
/// imports it again (the error column is then an unknown column, listed but harmless).
/// </summary>
public static class ImportErrorReport
{
    public const string ErrorColumn = "错误说明";

    /// <summary>Writes the workbook and returns its token.</summary>
    public static async Task<string> WriteAsync(FigureSheetReader sheet, IReadOnlyList<RowError> errors, ImportFiles files, string? userKey, CancellationToken ct)
    {
        var path = files.NewWorkingPath();
        var byRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key,
            g => string.Join("；", g.Select(e => e.Column is null ? e.Message : $"{e.Column}：{e.Message}")));
        var letters = sheet.Header.Letters;

        IEnumerable<IDictionary<string, object?>> Rows()
        {
            var head = new Dictionary<string, object?> { ["行号"] = "Excel行号" };
            foreach (var l in letters) head[l] = sheet.Header.Texts[l];
            head[ErrorColumn] = ErrorColumn;
            yield return head;
            foreach (var row in sheet.Rows())
            {
                ct.ThrowIfCancellationRequested();
                var r = new Dictionary<string, object?> { ["行号"] = row.Number };
                foreach (var l in letters)
                {
                    var v = row.Cells.TryGetValue(l, out var cell) ? cell : null;
                    r[l] = v is string s ? SpreadsheetText.Neutralize(s) : v;
                }
                r[ErrorColumn] = byRow.GetValueOrDefault(row.Number);
                yield return r;
            }
        }

        try
        {
            MiniExcel.SaveAs(path, Rows(), printHeader: false);
            return await files.SaveReportAsync(userKey, path, ct);
        }
        finally
        {
            LocalFiles.TryDelete(path);
        }
    }
}
