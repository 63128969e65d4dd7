using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.TaskPlans;

/// <summary>Demo data: the city's member units and one plan whose tasks the demo <c>unit</c> user's unit leads or supports.</summary>
public static class TaskPlanDemo
{
    public const string PlanTitle = "网络人士统战工作联席会议重点任务分工方案";

    public static async Task SeedAsync(TongxinDb db, long demoUnitId, CancellationToken ct)
    {
        var region = await db.OrgUnits.Where(u => u.Id == demoUnitId).Select(u => u.RegionCode).FirstAsync(ct);
        var names = new[] { "泸州市委宣传部", "泸州市教育局", "泸州市经济和信息化局", "泸州市商务局" };
        var others = names.Select(n => new OrgUnit { Name = n, Kind = MemberUnits.Kind, RegionCode = region, IsDemo = true }).ToList();
        db.OrgUnits.AddRange(others);
        await db.SaveChangesAsync(ct);
        var (xc, jy, jx, sw) = (others[0].Id, others[1].Id, others[2].Id, others[3].Id);

        var year = DateTime.UtcNow.AddHours(8).Year;
        var plan = new TaskPlan { Title = $"{year}年{PlanTitle}", Year = year, RegionCode = region, CreatedAt = DateTime.UtcNow, IsDemo = true };
        (string Title, long Lead, long[] Co, DateOnly? Deadline, string? Text, string Target)[] rows =
        [
            ("建立全市网络人士联系名册，实行动态更新", demoUnitId, [xc], new DateOnly(year, 6, 30), null, "名册覆盖全部市级重点人士"),
            ("每季度召开一次网络人士座谈会", xc, [demoUnitId, jy], new DateOnly(year, 12, 31), $"{year}年底", "全年不少于4次"),
            ("开展网络人士“同心”培训", jy, [demoUnitId], new DateOnly(year, 3, 31), null, "培训不少于200人次"),
            ("支持网络人士参与乡村振兴和文旅推介", sw, [jx, demoUnitId], new DateOnly(year, 11, 30), null, "组织活动不少于6场"),
            ("加强网络人士舆情引导和风险研判", demoUnitId, [xc, jx], null, "长期坚持", "重大舆情24小时内研判"),
        ];
        var seq = 0;
        foreach (var (title, lead, co, deadline, text, target) in rows)
        {
            var task = new PlanTask { Seq = ++seq, Title = title, LeadUnitId = lead, Deadline = deadline, DeadlineText = text, Target = target };
            task.SetCoUnits(co);
            plan.Tasks.Add(task);
        }
        db.TaskPlans.Add(plan);
        await db.SaveChangesAsync(ct);

        // The quarters before this one are mostly reported, with a few gaps, so the plan table shows both; this
        // quarter is left for the demo unit to report.
        var current = Quarters.Current(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        string[] notes = ["已制定工作方案，明确责任分工", "按计划推进，已完成阶段性工作", "主体工作基本完成，正在总结", "已全部完成"];
        for (var i = 0; i < plan.Tasks.Count; i++)
        {
            var task = plan.Tasks[i];
            var unitIds = task.UnitIds.ToList();
            for (var q = 1; q <= 4 && string.CompareOrdinal($"{year}Q{q}", current) < 0; q++)
            {
                for (var u = 0; u < unitIds.Count; u++)
                {
                    if ((i + u + q) % 5 == 0) continue;
                    db.TaskReports.Add(new TaskReport
                    {
                        TaskId = task.Id,
                        OrgUnitId = unitIds[u],
                        Quarter = $"{year}Q{q}",
                        Percent = Math.Min(100, q * 25 + (i % 2) * 10),
                        Text = notes[q - 1],
                        ReportedAt = now,
                        ReportedBy = "demo",
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the demo plans (their tasks, co-units and reports go with them); the demo units are removed with the other demo units.</summary>
    public static async Task<int> RemoveAsync(TongxinDb db, CancellationToken ct)
    {
        var plans = await db.TaskPlans.Where(p => p.IsDemo).Select(p => p.Id).ToListAsync(ct);
        var n = await db.TaskReports.Where(r => plans.Contains(r.Task!.PlanId)).ExecuteDeleteAsync(ct);
        n += await db.PlanTaskCoUnits.Where(c => plans.Contains(c.Task!.PlanId)).ExecuteDeleteAsync(ct);
        n += await db.PlanTasks.Where(t => plans.Contains(t.PlanId)).ExecuteDeleteAsync(ct);
        return n + await db.TaskPlans.Where(p => p.IsDemo).ExecuteDeleteAsync(ct);
    }
}
