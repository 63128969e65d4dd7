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

    /// <summary>An ID number or phone as the error workbook shows it: the first 3 and last 2 characters (or fewer), stars between.</summary>
    public static string Mask(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return v;
        var keep = v.Length >= 11 ? 3 : v.Length >= 6 ? 1 : 0;
        var tail = v.Length >= 11 ? 2 : v.Length >= 6 ? 1 : 0;
        return v[..keep] + new string('*', v.Length - keep - tail) + v[(v.Length - tail)..];
    }

    /// <summary>Writes the workbook and returns its token.</summary>
    public static async Task<string> WriteAsync(FigureSheetReader sheet, IReadOnlyList<RowError> errors, ImportFiles files, string? userKey, CancellationToken ct)
    {
        var path = files.NewWorkingPath();
        var byRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key,
            g => string.Join("；", g.Select(e => e.Column is null ? e.Message : $"{e.Column}：{e.Message}")));
        var letters = sheet.Header.Letters;
        // Personal numbers are not repeated in full: the workbook lies in a folder and travels by e-mail.
        var masked = sheet.Header.Columns.Where(c => c.Value is FigureColumn.IdNumber or FigureColumn.Phone).Select(c => c.Key).ToHashSet();

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
                    if (masked.Contains(l) && v is not null) v = Mask(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "");
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
