using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Features.Imports;

namespace Tongxin.Features.TaskPlans;

/// <summary>A task as the file describes it, for the dry run's preview.</summary>
public sealed record ImportedTask(int Row, int Seq, string Title, string LeadUnitName, IReadOnlyList<string> CoUnitNames,
    DateOnly? Deadline, string? DeadlineText, string? Target);

/// <summary>The outcome of a dry run or commit: with any row error nothing is written (<c>committed: false</c>).</summary>
public sealed record TaskImportReport(string Mode, bool Committed, int TotalRows, int Created, int ErrorCount,
    IReadOnlyList<RowError> Errors, IReadOnlyList<string> UnknownColumns, IReadOnlyList<ImportedTask> Tasks);

public static class ImportPlanTasks
{
    /// <summary>
    /// POST /api/task-plans/{id}/import?mode=dryRun|commit (multipart <c>file</c>): the plan's table, all or nothing, like
    /// the figure import. Unit names resolve against the member units in the caller's scope; unknown ones are named by row.
    /// </summary>
    public static async Task<Results<Ok<TaskImportReport>, ValidationProblem, NotFoundProblem, ProblemHttpResult>> Handle(
        long id, IFormFile? file, string? mode, TongxinDb db, ImportFiles files, CancellationToken ct)
    {
        var plan = await db.TaskPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Problems.NotFound("工作方案");
        mode ??= ImportModes.DryRun;
        if (!ImportModes.IsValid(mode)) return Problems.Validation("mode", "mode 应为 dryRun 或 commit");
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 Excel 文件");
        if (file.Length > ImportLimits.MaxUploadBytes)
            return Problems.Validation("file", $"文件不能超过{ImportLimits.MaxUploadBytes / 1024 / 1024}MB");

        var path = files.NewWorkingPath();
        PlanSheet sheet;
        try
        {
            await using (var target = File.Create(path))
                await file.CopyToAsync(target, ct);
            sheet = PlanSheet.Read(path);
        }
        catch (ImportFileException e)
        {
            return TypedResults.Problem(title: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            LocalFiles.TryDelete(path);
        }

        var units = await MemberUnits.Load(db);
        var existing = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).Select(t => new { t.Seq, t.Title }).ToListAsync(ct);
        var titles = existing.GroupBy(t => t.Title).ToDictionary(g => g.Key, g => $"方案中已有此任务（序号{g.First().Seq}）");
        var nextSeq = existing.Count == 0 ? 1 : existing.Max(t => t.Seq) + 1;
        var errors = new List<RowError>();
        var tasks = new List<(ImportedTask Preview, PlanTask Entity)>();
        foreach (var row in sheet.Rows)
        {
            var rowErrors = new List<RowError>();
            void Error(PlanColumn column, string message) => rowErrors.Add(new RowError(row.Number, sheet.TextOf(column), message));

            var title = ChineseText.Normalize(CellReader.Text(row.Cells.GetValueOrDefault(PlanColumn.Title)));
            if (title.Length == 0) Error(PlanColumn.Title, "请填写工作任务");
            else if (title.Length > 500) Error(PlanColumn.Title, "工作任务不能超过500个字");
            else if (titles.TryGetValue(title, out var duplicate)) Error(PlanColumn.Title, duplicate);

            int? seq = null;
            if (CellReader.Text(row.Cells.GetValueOrDefault(PlanColumn.Seq)) is { } seqText)
            {
                if (int.TryParse(ChineseText.ToHalfWidth(seqText).TrimEnd('.', '、'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9999) seq = n;
                else Error(PlanColumn.Seq, "序号应为1至9999之间的整数");
            }

            var leadNames = PlanSheet.Names(row.Cells.GetValueOrDefault(PlanColumn.Lead));
            UnitRef? lead = null;
            if (leadNames.Count == 0) Error(PlanColumn.Lead, "请填写牵头单位");
            else if (leadNames.Count > 1) Error(PlanColumn.Lead, "牵头单位只能填写一个，其余单位请填入配合单位");
            else if ((lead = units.Resolve(leadNames[0])) is null) Error(PlanColumn.Lead, UnknownUnit(leadNames[0]));

            var coUnits = new List<UnitRef>();
            foreach (var name in PlanSheet.Names(row.Cells.GetValueOrDefault(PlanColumn.CoUnits)))
            {
                if (units.Resolve(name) is { } unit) coUnits.Add(unit);
                else Error(PlanColumn.CoUnits, UnknownUnit(name));
            }

            if (!Deadlines.TryParse(row.Cells.GetValueOrDefault(PlanColumn.Deadline), out var deadline, out var deadlineText, out var deadlineError))
                Error(PlanColumn.Deadline, deadlineError!);
            else if (deadline is { } d && d < plan.EarliestDeadline) Error(PlanColumn.Deadline, $"完成时限不能早于{plan.Year}年");
            else if (deadlineText is { Length: > 50 }) Error(PlanColumn.Deadline, "完成时限不能超过50个字");

            var target = ChineseText.Normalize(CellReader.Text(row.Cells.GetValueOrDefault(PlanColumn.Target)));
            if (target.Length > 1000) Error(PlanColumn.Target, "目标不能超过1000个字");

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            titles[title] = $"与第{row.Number}行的任务重复";
            var entity = new PlanTask
            {
                PlanId = id,
                Seq = seq ?? nextSeq,
                Title = title,
                LeadUnitId = lead!.Id,
                Deadline = deadline,
                DeadlineText = deadlineText,
                Target = target.Length > 0 ? target : null,
            };
            nextSeq = Math.Max(nextSeq, entity.Seq) + 1;
            entity.SetCoUnits(coUnits.Select(u => u.Id));
            tasks.Add((new ImportedTask(row.Number, entity.Seq, title, lead.Name, coUnits.Where(u => u.Id != lead.Id).Select(u => u.Name).Distinct().ToList(),
                deadline, deadlineText, entity.Target), entity));
        }

        var commit = mode == ImportModes.Commit && errors.Count == 0 && tasks.Count > 0;
        if (commit)
        {
            db.PlanTasks.AddRange(tasks.Select(t => t.Entity));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new TaskImportReport(mode, commit, sheet.Rows.Count, commit ? tasks.Count : 0, errors.Count,
            errors.Take(ImportLimits.MaxErrorsInReport).ToList(), sheet.UnknownColumns, tasks.Select(t => t.Preview).ToList()));
    }

    private static string UnknownUnit(string name) => $"未找到成员单位“{name}”";
}
