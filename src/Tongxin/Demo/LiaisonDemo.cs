using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;
using Tongxin.Features.Liaison;

namespace Tongxin.Demo;

/// <summary>The demo cadre's key figures with a contact history that puts some overdue, some due soon and the rest in order.</summary>
public static class LiaisonDemo
{
    private static readonly string[] Summaries =
    [
        "走访了解直播基地近期运营情况，对方反映仓储场地紧张。",
        "电话沟通参加全市网络人士座谈会事宜，本人表示愿意发言。",
        "微信交流近期创作方向，建议多推介本地文旅资源。",
        "座谈听取对网络生态治理的意见建议，整理后报部里。",
        "在公益直播活动中交流，了解带货助农成效。",
    ];

    public static async Task SeedAsync(TongxinDb db, IReadOnlyList<Figure> figures, string cadreUserId, CancellationToken ct)
    {
        var today = Cadres.Today();
        var city = figures.Where(f => f.KeyLevel == "city").Take(4).ToList();
        var district = figures.Where(f => f.KeyLevel == "district").Take(4).ToList();
        // (figure, days since the assignment began, days since each contact): city figures every 90 days, district every 180.
        var plan = new List<(Figure Figure, int Started, int[] Contacts)>();
        int[][] cityContacts = [[120, 260], [100, 170], [20, 110, 200], [45]];
        int[][] districtContacts = [[], [60, 240], [], [150]];
        int[] districtStarted = [200, 300, 175, 300];
        for (var i = 0; i < city.Count; i++) plan.Add((city[i], 300, cityContacts[i]));
        for (var i = 0; i < district.Count; i++) plan.Add((district[i], districtStarted[i], districtContacts[i]));
        var n = 0;
        foreach (var (figure, started, contacts) in plan)
        {
            db.LiaisonAssignments.Add(new Assignment { FigureId = figure.Id, CadreUserId = cadreUserId, StartOn = today.AddDays(-started), IsDemo = true });
            foreach (var days in contacts.Where(d => d <= started))
            {
                db.ContactLogs.Add(new ContactLog
                {
                    FigureId = figure.Id,
                    CadreUserId = cadreUserId,
                    CreatedByUserId = cadreUserId,
                    Date = today.AddDays(-days),
                    IsDemo = true,
                    Way = new[] { "visit", "phone", "wechat", "meeting", "event" }[n % 5],
                    Summary = Summaries[n % Summaries.Length],
                    Participants = "联系干部、" + figure.Name,
                    FollowUp = n % 2 == 0 ? "协调相关部门回复" : null,
                });
                n++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo cadre's user id, when the demo users exist.</summary>
    public static Task<string?> CadreId(TongxinDb db, CancellationToken ct) =>
        db.Users.Where(u => u.UserName == "cadre" && u.IsDemo).Select(u => u.Id).FirstOrDefaultAsync(ct);
}
