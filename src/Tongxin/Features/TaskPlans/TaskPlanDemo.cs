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

        // Last quarter's dispatch is partly reported, so the plan table shows both reports and gaps.
        var previous = $"{year}Q3";
        var now = DateTime.UtcNow;
        db.TaskReports.AddRange(
            new TaskReport { TaskId = plan.Tasks[0].Id, OrgUnitId = demoUnitId, Quarter = previous, Percent = 90, Text = "名册已建立，正在核对更新", ReportedAt = now, ReportedBy = "unit" },
            new TaskReport { TaskId = plan.Tasks[1].Id, OrgUnitId = xc, Quarter = previous, Percent = 75, Text = "已召开3次座谈会", ReportedAt = now, ReportedBy = "demo" },
            new TaskReport { TaskId = plan.Tasks[2].Id, OrgUnitId = jy, Quarter = previous, Percent = 100, Text = "已培训230人次", ReportedAt = now, ReportedBy = "demo" },
            new TaskReport { TaskId = plan.Tasks[3].Id, OrgUnitId = sw, Quarter = previous, Percent = 50, Text = "已组织3场活动", ReportedAt = now, ReportedBy = "demo" });
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
