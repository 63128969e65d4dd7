using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.HelpRequests;

/// <summary>Demo requests in every state, several routed to the demo member unit (the <c>unit</c> user's 泸州市委网信办).</summary>
public static class HelpRequestDemoData
{
    public static async Task SeedAsync(TongxinDb db, IReadOnlyList<Figure> figures, IReadOnlyList<Organization> organizations, OrgUnit demoUnit,
        CancellationToken ct)
    {
        // Another feature's demo may have made the unit already: one unit per name, or a name would be ambiguous.
        async Task<OrgUnit> Unit(string name) =>
            await db.OrgUnits.FirstOrDefaultAsync(u => u.Name == name && u.RegionCode == "510500", ct)
            ?? db.OrgUnits.Add(new OrgUnit { Name = name, Kind = "memberUnit", RegionCode = "510500", IsDemo = true }).Entity;
        var commerce = await Unit("泸州市商务局");
        var justice = await Unit("泸州市司法局");
        await db.SaveChangesAsync(ct);

        var staff = new Actor(null, "王芳");
        var unit = new Actor(null, "成员单位（网信办）");
        var now = DateTime.UtcNow;
        var city = figures.Where(f => !f.RegionCode.StartsWith("510502")).ToList();
        var jy = figures.First(f => f.RegionCode.StartsWith("510502"));
        var n = 0;

        HelpRequest New(string category, string title, string description, bool urgent, HelpRequestChannel via, int daysAgo, Organization? org = null)
        {
            var figure = org is null ? city[n++ % city.Count] : null;
            var r = new HelpRequest
            {
                FigureId = figure?.Id,
                OrganizationId = org?.Id,
                RegionCode = figure?.RegionCode ?? org!.RegionCode,
                Category = category,
                Title = title,
                Description = description,
                Urgency = urgent ? HelpRequestUrgency.Urgent : HelpRequestUrgency.Normal,
                ReceivedVia = via,
                IsDemo = true,
            };
            r.Submit(staff, now.AddDays(-daysAgo));
            db.HelpRequests.Add(r);
            return r;
        }

        (long, string, DateOnly) Part(OrgUnit u, DateTime at, int days) => (u.Id, u.Name, HelpRequest.Today(at).AddDays(days));

        var fromCadre = New("office", "直播团队需要过渡办公场所", "团队扩编至20人，希望协调园区内过渡办公用房。", true, HelpRequestChannel.Cadre, 1);
        // The demo cadre sees the requests of the figures assigned to them: this one is of such a figure.
        if (await db.LiaisonAssignments.Where(a => a.EndOn == null).OrderBy(a => a.Id).Select(a => (long?)a.FigureId).FirstOrDefaultAsync(ct) is { } assigned
            && figures.FirstOrDefault(f => f.Id == assigned) is { } figure)
        {
            fromCadre.FigureId = figure.Id;
            fromCadre.RegionCode = figure.RegionCode;
        }
        var accepted = New("policy", "咨询网络主播个人所得税政策", "希望了解主播收入的纳税方式与优惠政策。", false, HelpRequestChannel.Phone, 4,
            organizations.FirstOrDefault());
        accepted.Accept(staff, now.AddDays(-3));

        var routed = New("promotion", "乡村振兴直播活动希望得到宣传支持", "计划在合江举办荔枝直播节，希望网信部门协助宣传推介。", false, HelpRequestChannel.Event, 6);
        routed.Accept(staff, now.AddDays(-5));
        routed.Route(staff, now.AddDays(-5), [Part(demoUnit, now.AddDays(-5), 15)]);

        var overdue = New("promotion", "账号被误判限流，请求协调平台复核", "账号近期被限流，希望协调平台属地机构复核。", true, HelpRequestChannel.Self, 20);
        overdue.Accept(staff, now.AddDays(-19));
        overdue.Route(staff, now.AddDays(-19), [Part(demoUnit, now.AddDays(-19), 7)]); // deadline 12 days ago, no answer: overdue

        var inProgress = New("logistics", "电商直播基地仓储用地紧张", "旺季仓储不足，希望协调临时仓储用地和物流资源。", false, HelpRequestChannel.Cadre, 25);
        inProgress.Accept(staff, now.AddDays(-24));
        inProgress.Route(staff, now.AddDays(-24), [Part(commerce, now.AddDays(-24), 30), Part(demoUnit, now.AddDays(-24), 30)]);
        inProgress.Reply(new Actor(null, "泸州市商务局"), now.AddDays(-10), commerce.Id, "已对接物流园区，可提供临时仓储500平方米。");

        var returned = New("legal", "合同纠纷需要法律援助", "与MCN机构合同纠纷，希望得到法律咨询。", false, HelpRequestChannel.Phone, 12);
        returned.Accept(staff, now.AddDays(-11));
        returned.Route(staff, now.AddDays(-11), [Part(demoUnit, now.AddDays(-11), 20), Part(justice, now.AddDays(-11), 20)]);
        returned.Return(unit, now.AddDays(-9), demoUnit.Id, "属于司法行政部门职责，建议由司法局办理。");

        // Solved ones over the last months, for the statistics and the days-to-solve trend.
        var solved = new[]
        {
            ("financing", "申请创业担保贷款", 150, 20, demoUnit, Satisfaction.Satisfied),
            ("training", "希望参加直播电商人才培训", 110, 12, commerce, Satisfaction.Satisfied),
            ("legal", "网络侵权维权咨询", 80, 25, justice, Satisfaction.BasicallySatisfied),
            ("office", "孵化基地工位申请", 50, 9, demoUnit, Satisfaction.Dissatisfied),
            ("policy", "新媒体企业扶持政策申报", 30, 6, commerce, (Satisfaction?)null),
        };
        foreach (var (category, title, daysAgo, took, to, satisfaction) in solved)
        {
            var start = now.AddDays(-daysAgo);
            var r = New(category, title, title + "，请予协调。", false, HelpRequestChannel.Cadre, daysAgo);
            r.Accept(staff, start.AddDays(1));
            r.Route(staff, start.AddDays(1), [Part(to, start.AddDays(1), took + 5)]);
            r.Reply(new Actor(null, to.Name), start.AddDays(took - 1), to.Id, "已按政策办理并告知本人。");
            r.Complete(staff, start.AddDays(took), "经成员单位办理，诉求已解决。");
            if (satisfaction is { } s)
                r.Visit(staff, start.AddDays(took + 2), s, s == Satisfaction.Dissatisfied ? "工位距离较远，希望调整。" : "办理及时。");
        }

        var district = new HelpRequest
        {
            FigureId = jy.Id,
            RegionCode = jy.RegionCode,
            Category = "training",
            Title = "江阳区主播希望参加普法培训",
            Description = "希望区里组织一次网络主播普法培训。",
            Urgency = HelpRequestUrgency.Normal,
            ReceivedVia = HelpRequestChannel.Event,
            IsDemo = true,
        };
        district.Submit(new Actor(null, "陈静"), now.AddDays(-2));
        db.HelpRequests.Add(district);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the demo requests (their parts and timelines go with them) before the figures and units they name.</summary>
    public static Task<int> RemoveAsync(TongxinDb db, CancellationToken ct) =>
        db.HelpRequests.Where(r => r.IsDemo).ExecuteDeleteAsync(ct);
}
