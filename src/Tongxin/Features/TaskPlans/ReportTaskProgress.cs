using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Text;

namespace Tongxin.Features.TaskPlans;

/// <summary>A quarter's progress; <c>unitId</c> only when staff report for a unit (a unit reports for itself).</summary>
public sealed record ReportTaskRequest(string? Quarter, int? Percent, string? Text, long? UnitId);
public sealed record TaskReportSaved(long Id, int Version);

public static class ReportTaskProgress
{
    /// <summary>
    /// POST /api/tasks/{id}/reports: writes the unit's report of the quarter, or replaces it (one per task, unit and
    /// quarter). A task that is not the caller's unit's answers 404, as if it did not exist.
    /// </summary>
    public static async Task<Results<Created<TaskReportSaved>, Ok<TaskReportSaved>, ValidationProblem, NotFoundProblem>> Handle(
        long id, ReportTaskRequest input, ClaimsPrincipal user, TongxinDb db)
    {
        var access = await TaskAccess.For(user, db);
        var task = await access.Tasks(db).AsNoTracking().Include(t => t.Plan).Include(t => t.CoUnits).FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return Problems.NotFound("任务");
        long unitId;
        if (access.SeesAll)
        {
            if (input.UnitId is not { } chosen) return Problems.Validation("unitId", "请选择报送单位");
            if (!task.UnitIds.Contains(chosen)) return Problems.Validation("unitId", "该单位不是此任务的牵头或配合单位");
            unitId = chosen;
        }
        else
        {
            // A unit reports only for itself; naming another unit is the same as asking for a task that is not theirs.
            if (access.UnitId is not { } own || (input.UnitId is { } named && named != own) || !task.UnitIds.Contains(own))
                return Problems.NotFound("任务");
            unitId = own;
        }

        var errors = new Dictionary<string, string[]>();
        var quarter = input.Quarter?.Trim();
        if (!Quarters.IsValid(quarter)) errors["quarter"] = [Quarters.FormatMessage];
        else if (Quarters.YearOf(quarter!) < task.Plan!.Year) errors["quarter"] = [$"季度不能早于方案年度（{task.Plan.Year}年）"];
        if (input.Percent is not { } percent || percent < 0 || percent > 100) errors["percent"] = ["完成进度应为0至100之间的整数"];
        var text = ChineseText.Normalize(input.Text);
        if (text.Length > 2000) errors["text"] = ["进展情况不能超过2000个字"];
        if (errors.Count > 0) return Problems.Validation(errors);

        // A report carries no version: the last write of a quarter wins. Two writes at once (two first reports meeting
        // the unique index, or two updates meeting the version check) are retried, so the loser's write becomes an
        // update of the row the other one wrote instead of a server error.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (report, added) = await Write(db, id, unitId, quarter!, input.Percent!.Value, text, user);
                var saved = new TaskReportSaved(report.Id, report.Version);
                return added ? TypedResults.Created($"/api/tasks/{id}/reports/{report.Id}", saved) : TypedResults.Ok(saved);
            }
            catch (DbUpdateException e) when (attempt < 5 && (e is DbUpdateConcurrencyException || UniqueViolation.Of(e, "TaskReports_TaskId")))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<(TaskReport Report, bool Added)> Write(TongxinDb db, long taskId, long unitId, string quarter, int percent, string text,
        ClaimsPrincipal user)
    {
        var report = await db.TaskReports.FirstOrDefaultAsync(r => r.TaskId == taskId && r.OrgUnitId == unitId && r.Quarter == quarter);
        var added = report is null;
        report ??= db.TaskReports.Add(new TaskReport { TaskId = taskId, OrgUnitId = unitId, Quarter = quarter }).Entity;
        report.Percent = percent;
        report.Text = text.Length > 0 ? text : null;
        report.ReportedAt = DateTime.UtcNow;
        report.ReportedBy = user.Identity?.Name;
        await db.SaveChangesAsync();
        return (report, added);
    }
}
