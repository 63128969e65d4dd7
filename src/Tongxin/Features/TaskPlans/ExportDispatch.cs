using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Text;

namespace Tongxin.Features.TaskPlans;

public static class ExportDispatch
{
    public const string NotReported = "未报送";

    /// <summary>
    /// GET /api/task-plans/{id}/dispatch/file?quarter=: the dispatch table for the meeting, one row per task and a
    /// column per unit ("80%：…" or 未报送; blank where the unit has no part in the task).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem>> Handle(long id, string? quarter, ClaimsPrincipal user, TongxinDb db)
    {
        var (view, error) = await GetDispatch.Build(id, quarter, user, db);
        if (error is not null) return error;
        if (view is null) return Problems.NotFound("工作方案");

        var sheet = view.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["序号"] = r.Seq,
                ["工作任务"] = SpreadsheetText.Neutralize(r.Title),
                ["牵头单位"] = SpreadsheetText.Neutralize(r.LeadUnitName),
                ["配合单位"] = SpreadsheetText.Neutralize(string.Join("、", r.CoUnitNames)),
                ["完成时限"] = r.DeadlineText ?? r.Deadline?.ToString("yyyy-MM-dd"),
                ["是否逾期"] = r.Overdue ? "逾期" : "",
            };
            foreach (var unit in view.Units)
            {
                var cell = r.Units.FirstOrDefault(c => c.UnitId == unit.Id);
                row[ColumnOf(unit, view.Units)] = cell switch
                {
                    null => "",
                    { Reported: false } => NotReported,
                    _ => SpreadsheetText.Neutralize(string.IsNullOrEmpty(cell.Text) ? $"{cell.Percent}%" : $"{cell.Percent}%：{cell.Text}"),
                };
            }
            return row;
        }).ToList();
        if (sheet.Count == 0) sheet.Add(new Dictionary<string, object?> { ["序号"] = null, ["工作任务"] = "（无任务）" });

        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheet, sheetName: view.Quarter);
        await db.LogAsync("export", nameof(TaskPlan), id.ToString(), $"导出季度调度表 {view.Year}年 {view.Title} {view.Quarter}");
        return TypedResults.File(ms.ToArray(), FileNames.XlsxType, FileNames.Utf8($"季度调度表_{view.Quarter}", DateTime.UtcNow));
    }

    // Two units of the same name (in different regions) get distinct columns.
    private static string ColumnOf(UnitRef unit, IReadOnlyList<UnitRef> all) =>
        all.Count(u => u.Name == unit.Name) > 1 ? $"{unit.Name}（{unit.Id}）" : unit.Name;
}
