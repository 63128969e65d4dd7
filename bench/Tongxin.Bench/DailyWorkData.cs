using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;

namespace Tongxin.Bench;

/// <summary>
/// The daily-work tables at the design's scale (DESIGN "Budgets": 10,000,000 contact logs, 1,000,000 assignments and
/// 1,000,000 help requests at 1,000,000 figures), proportional to the figures generated: member units, cadres with 200
/// figures each, one active assignment per figure (and an ended one for one figure in ten), contact logs (10 per
/// assignment on average, long-tailed), help requests with their unit parts and timelines, and small task plans
/// with tasks, co-units and quarterly reports. Loaded through the same <see cref="BulkSink"/> as the registry.
/// </summary>
public static class DailyWorkData
{
    /// <summary>The cadre of the liaison scenarios (200 figures in 泸州) and the member unit user of the unit inbox.</summary>
    public const string BenchCadre = "bench_cadre", BenchUnit = "bench_unit";

    public const int FiguresPerCadre = 200, UnitsPerCity = 12, ContactLogsPerAssignment = 10;

    private static readonly string[] UnitNames =
        ["网信办", "公安局", "市场监督管理局", "人力资源和社会保障局", "商务局", "文化广电旅游局", "税务局", "司法局", "农业农村局", "经济和信息化局", "地方金融管理局", "团委"];

    private static readonly string[] Ways = ["visit", "meeting", "phone", "wechat", "event", "other"];

    private static readonly (string Code, string[] Titles)[] Categories =
    [
        ("office", ["希望协调直播办公场地", "申请入驻孵化基地办公室", "办公场所租金补贴咨询"]),
        ("logistics", ["农产品直播仓储空间不足", "申请物流园区共享仓位", "冷链配送渠道对接"]),
        ("policy", ["网络主播个税政策咨询", "新业态从业人员社保政策咨询", "直播电商扶持政策申报"]),
        ("legal", ["账号被恶意举报维权", "合同纠纷法律援助", "知识产权侵权投诉"]),
        ("financing", ["小微企业贷款对接", "创业担保贷款申请", "设备融资租赁咨询"]),
        ("promotion", ["家乡文旅宣传推介合作", "农产品品牌推介活动", "参加网络文化节推介"]),
        ("training", ["短视频运营人才培训", "直播带货技能培训报名", "新媒体从业人员培训"]),
        ("other", ["子女入学咨询", "参加行业协会事宜", "其他事项咨询"]),
    ];

    public sealed record Counts(long Cadres, long Assignments, long ContactLogs, long HelpRequests, long Parts, long Events, long Tasks, long Reports);

    /// <summary>Creates the two signed-in users of the daily-work scenarios (real accounts with the bench password).</summary>
    public static async Task CreateUsersAsync(IServiceProvider sp)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, role) in new[] { (BenchCadre, Roles.Cadre), (BenchUnit, Roles.Unit) })
        {
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = DataLayerScenarios.CityPrefix + "00", CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, Generator.UserPassword);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }

    public static async Task<Counts> LoadAsync(BulkSink sink, BenchConfig config, IReadOnlyList<(long Id, string Region)> figures, IReadOnlyList<string> cityCodes,
        IReadOnlyDictionary<string, string> cityNames, IReadOnlyList<(long Id, string Region)> organizations, DateTime now)
    {
        string benchCadreId, benchUnitId, cadreRoleId;
        long firstUnitId;
        Tongxin.Features.Liaison.ContactRules rules;
        var app = config.BuildApp();
        await using (app)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            benchCadreId = await db.Users.Where(u => u.UserName == BenchCadre).Select(u => u.Id).FirstAsync();
            benchUnitId = await db.Users.Where(u => u.UserName == BenchUnit).Select(u => u.Id).FirstAsync();
            cadreRoleId = await db.Roles.Where(r => r.Name == Roles.Cadre).Select(r => r.Id).FirstAsync();
            firstUnitId = (await db.OrgUnits.IgnoreQueryFilters().MaxAsync(u => (long?)u.Id) ?? 0) + 1;
            rules = await Tongxin.Features.Liaison.ContactRules.Load(db);
        }
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var rng = new Random(20261206);

        // Member units: twelve per city, numbered city by city; the bench unit user works for 泸州's first.
        var units = new List<(long Id, string City, string Name)>();
        foreach (var city in cityCodes)
            for (var u = 0; u < UnitsPerCity; u++)
                units.Add((firstUnitId + units.Count, city, cityNames[city] + UnitNames[u]));
        await sink.LoadAsync("OrgUnits", ["Id", "Name", "Kind", "RegionCode", "ParentId", "Contact", "Phone", "IsDemo", "Version"],
            units.Select(u => new object?[] { u.Id, u.Name, "memberUnit", u.City + "00", null, null, null, false, 0 }));
        var unitsByCity = units.ToLookup(u => u.City);
        var benchUnitOrg = unitsByCity[DataLayerScenarios.CityPrefix].First().Id;
        await sink.ExecuteAsync($"UPDATE \"AspNetUsers\" SET \"OrgUnitId\" = {benchUnitOrg} WHERE \"Id\" = '{benchUnitId}'");

        // Cadres: the figures of each city in id order, 200 to a cadre; 泸州's first 200 go to the bench cadre.
        var cadreOf = new string[figures.Count];
        var cadres = new List<(string Id, string City)>();
        foreach (var city in figures.Select((f, i) => (City: f.Region[..4], Index: i)).GroupBy(x => x.City))
        {
            var n = 0;
            foreach (var chunk in city.Chunk(FiguresPerCadre))
            {
                var id = city.Key == DataLayerScenarios.CityPrefix && n == 0 ? benchCadreId : $"bench-cadre-{city.Key}-{n}";
                if (id != benchCadreId) cadres.Add((id, city.Key));
                foreach (var x in chunk) cadreOf[x.Index] = id;
                n++;
            }
        }
        await sink.LoadAsync("AspNetUsers",
            ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
             "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount", "DisplayName", "RegionCode",
             "MustChangePassword", "OrgUnitId", "IsDemo", "CreatedAt", "LastTotpTimeStep", "FigureId"],
            cadres.Select(c => new object?[]
            {
                c.Id, c.Id, c.Id.ToUpperInvariant(), null, null, false, null, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(),
                null, false, false, null, true, 0, "联系干部" + c.Id[12..], c.City + "00", false, null, false, now, null, null,
            }));
        await sink.LoadAsync("AspNetUserRoles", ["UserId", "RoleId"], cadres.Select(c => new object?[] { c.Id, cadreRoleId }));

        // Assignments: one active per figure, started 300–1,500 days ago; one figure in ten also has an ended one of a colleague.
        // Each carries its last contact, next-due date (and sort date) and its figure's region and status (every generated
        // figure is active) as the app's DueDateEffect would have written them: the logs below
        // are drawn from one seeded sequence, so a first pass over the same sequence finds each figure's last contact date.
        long assignmentId = 0;
        var starts = new DateOnly[figures.Count];
        for (var i = 0; i < figures.Count; i++) starts[i] = today.AddDays(-(300 + (int)(figures[i].Id * 7919 % 1200)));
        var lastContact = new DateOnly?[figures.Count];
        var replay = new Random(20261206);
        for (var i = 0; i < figures.Count; i++)
        {
            var span = today.DayNumber - starts[i].DayNumber;
            var count = (int)Math.Min(200, -Math.Log(1 - replay.NextDouble()) * ContactLogsPerAssignment);
            for (var k = 0; k < count; k++)
            {
                var date = starts[i].AddDays(replay.Next(span + 1));
                replay.Next(Ways.Length);
                if (lastContact[i] is not { } last || date > last) lastContact[i] = date;
            }
        }
        IEnumerable<object?[]> Assignments()
        {
            for (var i = 0; i < figures.Count; i++)
            {
                var f = figures[i];
                var start = starts[i];
                var level = Generator.KeyLevelOf(f.Id);
                if (f.Id % 10 == 3)
                {
                    var other = cadreOf[(i + FiguresPerCadre) % figures.Count];
                    var otherStart = start.AddDays(-400);
                    // In a small city the "colleague" may be the same cadre, whose logs then count for this row too.
                    var otherLast = other == cadreOf[i] ? lastContact[i] : null;
                    var otherDue = rules.NextDue(level, otherStart, otherLast);
                    yield return [++assignmentId, f.Id, other, otherStart, start.AddDays(-1), "工作调整", false, now, 0, otherLast, otherDue,
                        otherDue ?? Tongxin.Features.Liaison.Assignment.NeverDue, f.Region, 0];
                }
                var due = rules.NextDue(level, start, lastContact[i]);
                yield return [++assignmentId, f.Id, cadreOf[i], start, null, null, false, now, 0, lastContact[i], due, due ?? Tongxin.Features.Liaison.Assignment.NeverDue, f.Region, 0];
            }
        }
        var assignments = await sink.LoadAsync("LiaisonAssignments",
            ["Id", "FigureId", "CadreUserId", "StartOn", "EndOn", "EndReason", "IsDemo", "CreatedAt", "Version", "LastContactOn", "NextDueOn",
             "NextDueSort", "RegionCode", "FigureStatus"], Assignments());

        // Contact logs: long-tailed (exponential, mean 10) per active assignment, dated between its start and today.
        long logId = 0;
        IEnumerable<object?[]> Logs()
        {
            for (var i = 0; i < figures.Count; i++)
            {
                var span = today.DayNumber - starts[i].DayNumber;
                var count = (int)Math.Min(200, -Math.Log(1 - rng.NextDouble()) * ContactLogsPerAssignment);
                for (var k = 0; k < count; k++)
                {
                    var date = starts[i].AddDays(rng.Next(span + 1));
                    var at = DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc);
                    yield return
                    [
                        ++logId, figures[i].Id, cadreOf[i], date, Ways[rng.Next(Ways.Length)], k % 3 == 0 ? "本人、所在单位负责人" : null,
                        "了解近期创作和经营情况，宣传有关政策，听取意见建议。", k % 4 == 0 ? "协调解决场地问题，下月回访。" : null, cadreOf[i], false, at, at, 0,
                    ];
                }
            }
        }
        var logs = await sink.LoadAsync("ContactLogs",
            ["Id", "FigureId", "CadreUserId", "Date", "Way", "Participants", "Summary", "FollowUp", "CreatedByUserId", "IsDemo", "CreatedAt", "UpdatedAt", "Version"], Logs());

        // Help requests: one per figure on average (one in ten from an organization), created over the last two years; the older
        // a request, the further through the workflow; routed ones go to one or two of their city's member units. Each request is
        // drawn from its own seed, so that its parts and timeline are drawn again, identical, for their own passes (nothing held).
        HelpRequestPlan Plan(long id) => HelpRequestPlan.Draw(id, figures, organizations, unitsByCity, now);
        var requestCount = figures.Count;
        var requests = await sink.LoadAsync("HelpRequests",
            ["Id", "FigureId", "OrganizationId", "RegionCode", "Category", "Title", "Description", "Urgency", "ReceivedVia", "Status", "Summary",
             "Satisfaction", "VisitText", "CompletedAt", "DaysToSolve", "CreatedByUserId", "CreatedAt", "LastAction", "LastActionAt", "IsDemo", "Version"],
            Ids(requestCount).Select(id => Plan(id).Row));
        long partId = 0, eventId = 0;
        var parts = await sink.LoadAsync("HelpRequestParts",
            ["Id", "HelpRequestId", "OrgUnitId", "UnitName", "Deadline", "Status", "Reply", "ReturnedReason", "RoutedAt", "RepliedAt"],
            Ids(requestCount).SelectMany(id => Plan(id).Parts).Select(p => p.Prepend(++partId).ToArray()));
        var events = await sink.LoadAsync("HelpRequestEvents",
            ["Id", "HelpRequestId", "At", "UserId", "UserName", "Action", "FromStatus", "ToStatus", "Text"],
            Ids(requestCount).SelectMany(id => Plan(id).Events).Select(e => e.Prepend(++eventId).ToArray()));

        // Task plans (small): one per city and year for this year and last, 30 tasks each, led by one of the city's units with
        // up to two co-units; every unit of a task reports each past quarter (the current one only for a task in three).
        var plans = new List<object?[]>();
        var tasks = new List<object?[]>();
        var coUnits = new List<object?[]>();
        var reports = new List<object?[]>();
        long planId = 0, taskId = 0, reportId = 0;
        var currentQuarter = (today.Month - 1) / 3 + 1;
        foreach (var city in cityCodes)
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                plans.Add([++planId, $"{cityNames[city]}{year}年网络人士统战工作重点任务分工方案", year, city + "00", now, false, 0]);
                var cityUnits = unitsByCity[city].ToList();
                for (var t = 1; t <= 30; t++)
                {
                    var lead = cityUnits[t % cityUnits.Count].Id;
                    tasks.Add([++taskId, planId, t, $"重点任务{t}：加强网络人士联系服务", lead, new DateOnly(year, 3 * (1 + t % 4), 28), null, "按季度推进，年底完成", 0]);
                    var taskUnits = new List<long> { lead };
                    for (var c = 1; c <= t % 3; c++)
                    {
                        var co = cityUnits[(t + c * 4) % cityUnits.Count].Id;
                        coUnits.Add([taskId, co]);
                        taskUnits.Add(co);
                    }
                    var quarters = year < today.Year ? 4 : t % 3 == 0 ? currentQuarter : currentQuarter - 1;
                    foreach (var unit in taskUnits)
                        for (var q = 1; q <= quarters; q++)
                            reports.Add([++reportId, taskId, unit, $"{year}Q{q}", Math.Min(100, q * 25), "按计划推进。", now, "bench", 0]);
                }
            }
        await sink.LoadAsync("TaskPlans", ["Id", "Title", "Year", "RegionCode", "CreatedAt", "IsDemo", "Version"], plans);
        await sink.LoadAsync("PlanTasks", ["Id", "PlanId", "Seq", "Title", "LeadUnitId", "Deadline", "DeadlineText", "Target", "Version"], tasks);
        await sink.LoadAsync("PlanTaskCoUnits", ["TaskId", "OrgUnitId"], coUnits);
        var reportCount = await sink.LoadAsync("TaskReports", ["Id", "TaskId", "OrgUnitId", "Quarter", "Percent", "Text", "ReportedAt", "ReportedBy", "Version"], reports);

        if (config.Provider == "postgres")
            foreach (var table in new[] { "OrgUnits", "LiaisonAssignments", "ContactLogs", "HelpRequests", "HelpRequestParts", "HelpRequestEvents", "TaskPlans", "PlanTasks", "TaskReports" })
                await sink.ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST(1, (SELECT MAX(\"Id\") FROM \"{table}\")))");
        return new Counts(cadres.Count + 1, assignments, logs, requests, parts, events, taskId, reportCount);
    }

    private static IEnumerable<long> Ids(int count)
    {
        for (long id = 1; id <= count; id++) yield return id;
    }

    /// <summary>One generated help request: its row, its unit parts and its timeline (each row without its id).</summary>
    private sealed record HelpRequestPlan(object?[] Row, List<object?[]> Parts, List<object?[]> Events)
    {
        public static HelpRequestPlan Draw(long id, IReadOnlyList<(long Id, string Region)> figures, IReadOnlyList<(long Id, string Region)> organizations,
            ILookup<string, (long Id, string City, string Name)> unitsByCity, DateTime now)
        {
            var rng = new Random(unchecked((int)(id * 2654435761L)));
            var fromOrg = id % 10 == 0 && organizations.Count > 0;
            var org = fromOrg ? organizations[(int)(id / 10 % organizations.Count)] : default;
            var figure = figures[rng.Next(figures.Count)];
            var region = fromOrg ? org.Region : figure.Region;
            var (category, titles) = Categories[rng.Next(Categories.Length)];
            var created = now.AddMinutes(-rng.Next(730 * 24 * 60));
            var ageDays = (now - created).TotalDays;
            var roll = rng.NextDouble();
            // Reached state: recent requests are still early in the workflow; older ones mostly solved and visited.
            var status = ageDays < 3 ? (roll < 0.6 ? 0 : 1)
                : ageDays < 30 ? (roll < 0.1 ? 1 : roll < 0.5 ? 2 : roll < 0.85 ? 3 : 4)
                : roll < 0.03 ? 2 : roll < 0.08 ? 3 : roll < 0.4 ? 4 : 5;
            var parts = new List<object?[]>();
            var events = new List<object?[]>();
            var at = created;
            void Event(string action, int? from, int to, string? text, string user) => events.Add([id, at, null, user, action, from, to, text]);
            const string staff = "bench_city";
            Event("submit", null, 0, "申请人反映的具体情况。", "联系干部");
            if (status >= 1)
            {
                at = at.AddHours(4 + rng.Next(40));
                Event("accept", 0, 1, null, staff);
            }
            DateTime? completed = null;
            if (status >= 2)
            {
                at = at.AddHours(2 + rng.Next(48));
                var cityUnits = unitsByCity[region[..4]].ToList();
                var first = (int)(id % cityUnits.Count);
                var names = new List<string>();
                for (var p = 0; p < (id % 3 == 0 ? 2 : 1); p++)
                {
                    var unit = cityUnits[(first + p * 5) % cityUnits.Count];
                    var deadline = DateOnly.FromDateTime(at.AddHours(8)).AddDays(30);
                    // Routed: pending; in progress: the first part answered; completed and later: all answered.
                    var answered = status >= 4 || (status == 3 && p == 0);
                    var repliedAt = answered ? at.AddDays(3 + rng.Next(20)) : (DateTime?)null;
                    parts.Add([id, unit.Id, unit.Name, deadline, answered ? 1 : 0, answered ? "已与申请人对接，按政策办理。" : null, null, at, repliedAt]);
                    names.Add($"{unit.Name}（{deadline:yyyy-MM-dd}前）");
                }
                Event("route", 1, 2, string.Join("、", names), staff);
                if (status >= 3)
                {
                    at = at.AddDays(3 + rng.Next(20));
                    Event("reply", 2, 3, "已与申请人对接，按政策办理。", "成员单位");
                }
                if (status >= 4)
                {
                    at = at.AddDays(1 + rng.Next(10));
                    completed = at;
                    Event("complete", 3, 4, "问题已解决。", staff);
                }
                if (status >= 5)
                {
                    at = at.AddDays(1 + rng.Next(7));
                    Event("visit", 4, 5, "满意", staff);
                }
            }
            if (at > now) at = now;
            int? satisfaction = status == 5 ? (roll < 0.35 ? 0 : roll < 0.39 ? 2 : 1) : null;
            var last = status switch { 0 => "submit", 1 => "accept", 2 => "route", 3 => "reply", 4 => "complete", _ => "visit" };
            object?[] row =
            [
                id, fromOrg ? null : figure.Id, fromOrg ? org.Id : null, region, category, titles[rng.Next(titles.Length)], "申请人反映的具体情况。",
                id % 7 == 0 ? 1 : 0, (int)(id % 4), status, completed is null ? null : "问题已解决。", satisfaction, null, completed,
                completed is { } c ? Math.Round((c - created).TotalDays, 2) : null, null, created, last, at, false, 0,
            ];
            return new HelpRequestPlan(row, parts, events);
        }
    }
}
