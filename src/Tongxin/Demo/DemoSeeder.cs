using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Demo;

/// <summary>
/// A believable city (泸州市) with its districts and townships, a few hundred figures with accounts and
/// metric history, organizations, and one user per role — all marked IsDemo and removable.
/// </summary>
public static class DemoSeeder
{
    public const string DemoPassword = Common.Auth.StrengthPasswordValidator.DemoPassword;
    /// <summary>The demo member's registered mobile number (they may sign in with it instead of "member").</summary>
    public const string DemoMemberMobile = "13980000001";
    public static bool WasSeeded { get; private set; }

    // People's names for the people (lists show a person where a name belongs; the role shows in the account menu and on /welcome);
    // the unit account stands for its organization.
    public static readonly (string UserName, string Display, string Role, string Region)[] DemoUsers =
    [
        ("staff", "王芳", Roles.Staff, "510500"),
        ("staff_jy", "陈静", Roles.Staff, "510502"),
        ("leader", "张伟", Roles.Leader, "510500"),
        ("cadre", "李明", Roles.Cadre, "510500"),
        ("unit", "成员单位（网信办）", Roles.Unit, "510500"),
        ("association", "刘洋", Roles.Association, "510500"),
        ("member", "网络人士（演示）", Roles.Member, "510502"),
    ];

    public static IEnumerable<string> DemoUserNames => DemoUsers.Select(u => u.UserName);

    private static readonly (string Code, string Name, string? Parent)[] RegionTree =
    [
        ("510500", "泸州市", null),
        ("510502", "江阳区", "510500"), ("510503", "纳溪区", "510500"), ("510504", "龙马潭区", "510500"),
        ("510521", "泸县", "510500"), ("510522", "合江县", "510500"), ("510524", "叙永县", "510500"), ("510525", "古蔺县", "510500"),
        ("510502001", "南城街道", "510502"), ("510502002", "北城街道", "510502"), ("510502003", "大山坪街道", "510502"),
        ("510502101", "通滩镇", "510502"), ("510503001", "安富街道", "510503"), ("510503002", "永宁街道", "510503"),
        ("510503101", "大渡口镇", "510503"), ("510504001", "小市街道", "510504"), ("510504002", "高坝街道", "510504"),
        ("510504101", "特兴街道", "510504"), ("510521101", "福集镇", "510521"), ("510521102", "嘉明镇", "510521"),
        ("510522101", "合江镇", "510522"), ("510522102", "先滩镇", "510522"), ("510524101", "叙永镇", "510524"),
        ("510525101", "古蔺镇", "510525"),
    ];

    // Roughly the national frequency order; the first few dominate as in real registries.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "钟", "谭", "陆", "范", "石", "廖", "贾", "夏", "单",
        "欧阳", "上官",
    ];

    private static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平",
        "刚", "逸", "晨", "宇", "浩", "欣", "怡", "梓", "涵", "子", "轩", "雨", "萱", "博", "文", "思", "佳", "嘉", "俊", "宏",
        "鹏", "飞", "婷", "雪", "琳", "晶", "玲", "倩", "颖", "斌", "辉", "鑫", "阳", "帆", "凯", "悦", "瑶", "可", "心", "然",
    ];

    private static readonly string[] Nick = ["小", "老", "阿", "大"];
    private static readonly string[] NickTail = ["说美食", "带你逛泸州", "的酒城日记", "聊三农", "爱生活", "讲历史", "看世界", "的乡村", "Vlog", "直播间"];
    private static readonly string[] Platforms = ["douyin", "kuaishou", "weibo", "wechat-channels", "bilibili", "xiaohongshu", "toutiao", "taobao-live"];
    private static readonly string[] Categories = ["anchor", "selfmedia", "bigv", "writer", "newmedia", "executive", "tech", "ecommerce", "mcn"];
    // Workplaces and organizations that name a county sit in it; the others are city-wide (any county).
    private static readonly string[] Workplaces =
    [
        "泸州酒城传媒有限公司", "江阳区融媒体中心", "泸州电商产业园", "纳溪特早茶合作社", "龙马潭区直播基地", "自由职业", "泸州老窖文化公司",
        "合江荔枝电商协会", "泸县龙城短视频工作室", "叙永县融媒体中心", "古蔺县郎酒文旅公司", "纳溪区融媒体中心", "龙马潭区融媒体中心",
    ];
    private static readonly string[] Jobs = ["主播", "运营总监", "创始人", "内容编辑", "总经理", "签约作者", "技术负责人", "店长"];
    private static readonly string[] Tags = ["乡村振兴", "文旅推介", "非遗", "带货达人", "青年", "公益", "酒文化"];
    private static readonly string[] OrgNames =
    [
        "泸州酒城传媒有限公司", "泸州川南MCN文化传播有限公司", "江阳区网络直播孵化基地", "龙马潭区电商直播示范基地", "纳溪区新媒体产业园",
        "泸州云端网络科技有限公司", "合江荔枝电商运营中心", "叙永县乡村振兴直播间", "古蔺县红色文旅新媒体中心", "泸县龙城短视频工作室",
        "泸州市网络文学创作基地", "泸州长江数字文化有限公司",
    ];

    public static async Task SeedAsync(IServiceProvider sp, string rootCode, ILogger log, CancellationToken ct)
    {
        var db = sp.GetRequiredService<TongxinDb>();
        var protector = sp.GetRequiredService<FieldProtector>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var rng = new Random(2026);

        var root = await db.Regions.FirstAsync(r => r.Code == rootCode, ct);
        var regions = new Dictionary<string, Region>();
        foreach (var (code, name, parent) in RegionTree)
        {
            if (!code.StartsWith(Region.ScopePrefix(root.Code, root.Level))) continue; // demo city lies outside a differently configured root
            if (await db.Regions.AnyAsync(r => r.Code == code, ct)) continue;
            // The parent may already exist (a database that has the city but not the demo districts).
            var parentRegion = parent is null ? root : regions.GetValueOrDefault(parent) ?? await db.Regions.FirstAsync(r => r.Code == parent, ct);
            var r = new Region { Code = code, Name = name, FullName = parentRegion.FullName + name, ParentCode = parentRegion.Code, Level = Region.LevelOf(code), IsDemo = true };
            regions[code] = r;
            db.Regions.Add(r);
        }
        if (regions.Count == 0)
        {
            log.LogWarning("Demo data skipped: root region {Root} does not contain the demo city", rootCode);
            return;
        }
        await db.SaveChangesAsync(ct);

        var regionCodes = regions.Keys.ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var organizations = OrgNames.Select((name, i) =>
        {
            // Drawn in the order the fields were always drawn, so the rest of the demo stays the same.
            var creditCode = DemoCreditCode(rng);
            var liaisonOfficer = Name(rng);
            var liaisonPhone = "0830-" + rng.Next(2000000, 3999999);
            return new Organization
            {
                Name = name,
                RegionCode = CountyNamed(name) ?? "510500",
                IsDemo = true,
                Type = name.Contains("基地") ? "demo-base" : name.Contains("MCN") ? "mcn" : name.Contains("园") ? "incubator" : "company",
                IsBase = name.Contains("基地"),
                BaseOffers = name.Contains("基地") ? "直播间、仓储、培训" : null,
                CreditCode = creditCode,
                LiaisonOfficer = liaisonOfficer,
                LiaisonPhoneCipher = protector.Encrypt(liaisonPhone),
                LiaisonPhoneMasked = PhoneNumber.Mask(liaisonPhone),
            };
        }).ToList();
        db.Organizations.AddRange(organizations);

        var figures = new List<Figure>();
        var idNumbers = new HashSet<string>();
        var takenHandles = new HashSet<(string, string)>();
        for (var i = 0; i < 320; i++)
        {
            var name = Name(rng);
            var region = regionCodes[rng.Next(regionCodes.Length)];
            var county = region.Length > 6 ? region[..6] : region;
            var workplaces = Workplaces.Where(w => CountyNamed(w) is not { } c || c == county).ToArray();
            var birth = new DateOnly(1965 + rng.Next(40), 1 + rng.Next(12), 1 + rng.Next(28));
            var female = rng.Next(2) == 0;
            var f = new Figure
            {
                Name = name,
                RegionCode = region,
                IsDemo = true,
                Gender = female ? "女" : "男",
                BirthDate = birth.ToString("yyyy-MM-dd"),
                Ethnicity = rng.Next(10) == 0 ? "09" : "01",
                PoliticalAffiliation = new[] { "01", "03", "12", "13", "13", "13" }[rng.Next(6)],
                Education = new[] { "master", "bachelor", "bachelor", "college", "highschool" }[rng.Next(5)],
                Workplace = workplaces[rng.Next(workplaces.Length)],
                JobTitle = Jobs[rng.Next(Jobs.Length)],
                Category = Categories[rng.Next(Categories.Length)],
                KeyLevel = rng.Next(20) == 0 ? "city" : rng.Next(10) == 0 ? "district" : null,
                Source = new[] { "org", "personal", "self", "found" }[rng.Next(4)],
                // Enrolled over five years, more in recent ones (the square root skews towards today).
                EnrolledOn = today.AddDays(-(int)(1825 * Math.Sqrt(rng.NextDouble()) * rng.NextDouble() + rng.Next(30))),
                Tags = rng.Next(3) == 0 ? [Tags[rng.Next(Tags.Length)]] : [],
                ConsentVersion = "2026-01",
                ConsentAt = DateTime.UtcNow.AddDays(-rng.Next(300)),
            };
            // One person, one ID number (its hash is a unique index): draw again on the rare repeat.
            string idNumber;
            do idNumber = DemoIdNumber(rng, region, birth, female); while (!idNumbers.Add(idNumber));
            FigureRules.SetIdNumber(f, idNumber, protector);
            FigureRules.SetPhone(f, "1" + new[] { "38", "39", "58", "80", "86", "99" }[rng.Next(6)] + rng.Next(10000000, 99999999), protector);
            f.HomeAddressCipher = protector.Encrypt(regions[region].FullName + rng.Next(1, 300) + "号");
            f.HomeAddressMasked = FigureRules.MaskAddress(regions[region].FullName + "**号");
            var accountCount = 1 + rng.Next(3);
            foreach (var platform in Platforms.OrderBy(_ => rng.Next()).Take(accountCount))
            {
                var handle = rng.Next(2) == 0
                    ? Nick[rng.Next(Nick.Length)] + name[^1] + NickTail[rng.Next(NickTail.Length)]
                    : $"{string.Concat(Common.Text.Pinyin.Syllables(name))}_{rng.Next(10, 999)}";
                // A handle has one owner per platform (a unique index); a repeat drawn here gets a number (no extra draws).
                var drawn = handle;
                for (var n = 2; !takenHandles.Add((platform, PlatformAccount.KeyOf(handle))); n++) handle = $"{drawn}_{n}";
                var account = new PlatformAccount { Platform = platform, Handle = handle, Url = $"https://example.invalid/{platform}/{rng.Next(100000, 999999)}" };
                // Long-tailed followers: most accounts are small, a few are very large.
                var followers = (long)(Math.Pow(10, 3 + rng.NextDouble() * 4.2));
                // Some offices' sheets leave likes and works blank: every fifth figure's accounts show them as unknown
                // (decided without a draw, so the rest of the demo stays as it was).
                var countsUnknown = figures.Count % 5 == 4;
                for (var m = 6; m >= 0; m--)
                {
                    var value = (long)(followers * (1 - m * 0.04 + rng.NextDouble() * 0.01));
                    long likes = value * (5 + rng.Next(20)), works = 20 + rng.Next(400) - m * 5 < 0 ? 0 : 20 + rng.Next(400);
                    account.Record(today.AddMonths(-m), Math.Max(0, value), countsUnknown ? null : likes, countsUnknown ? null : works,
                        m == 0 ? MetricSource.Staff : MetricSource.Import);
                }
                f.Accounts.Add(account);
            }
            f.RecomputeAccountStats();
            if (rng.Next(6) == 0)
                f.Positions.Add(new Position { Kind = new[] { "npc", "cppcc", "association", "supervisor" }[rng.Next(4)], Level = new[] { "city", "district" }[rng.Next(2)], Title = "委员", Organization = "泸州市新的社会阶层人士联合会", TermStart = "2022-01", TermEnd = "2027-01" });
            if (rng.Next(8) == 0)
                f.Honours.Add(new Honour { Title = new[] { "泸州市优秀网络主播", "乡村振兴带货先进个人", "网络正能量榜样" }[rng.Next(3)], Level = "city", AwardedOn = $"{2022 + rng.Next(4)}-12", Issuer = "泸州市委网信办" });
            figures.Add(f);
        }
        db.Figures.AddRange(figures);
        await db.SaveChangesAsync(ct);

        // A figure belongs to an organization of its own county or a city-wide one.
        foreach (var f in figures.Where((_, i) => i % 4 == 0))
        {
            var near = organizations.Where(o => o.RegionCode == "510500" || f.RegionCode.StartsWith(o.RegionCode)).ToList();
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = near[rng.Next(near.Count)].Id, FigureId = f.Id, Role = Jobs[rng.Next(Jobs.Length)] });
        }
        await db.SaveChangesAsync(ct);

        var units = new Dictionary<string, Features.OrgUnits.OrgUnit>
        {
            ["staff"] = new() { Name = "泸州市委统战部", Kind = "department", RegionCode = "510500", IsDemo = true },
            ["staff_jy"] = new() { Name = "江阳区委统战部", Kind = "department", RegionCode = "510502", IsDemo = true },
            ["unit"] = new() { Name = "泸州市委网信办", Kind = "memberUnit", RegionCode = "510500", IsDemo = true },
            ["association"] = new() { Name = "泸州市新的社会阶层人士联合会", Kind = "association", RegionCode = "510500", IsDemo = true },
        };
        db.OrgUnits.AddRange(units.Values);
        await db.SaveChangesAsync(ct);
        units["leader"] = units["staff"];
        units["cadre"] = units["staff"];
        // The demo member is one of the demo figures of their district (an activated account, so their consent is recorded),
        // with a known mobile number to sign in with.
        var memberFigure = figures.FirstOrDefault(f => f.RegionCode.StartsWith("510502", StringComparison.Ordinal)) ?? figures[0];
        memberFigure.ConsentVersion = Features.Members.MemberConsent.Version;
        memberFigure.ConsentAt = DateTime.UtcNow;
        FigureRules.SetPhone(memberFigure, DemoMemberMobile, protector);
        await db.SaveChangesAsync(ct);
        foreach (var (userName, display, role, region) in DemoUsers)
        {
            if (await users.FindByNameAsync(userName) is not null || !regions.ContainsKey(region)) continue;
            var isMember = role == Roles.Member;
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = isMember ? memberFigure.Name : display,
                FigureId = isMember ? memberFigure.Id : null,
                RegionCode = isMember ? memberFigure.RegionCode : region,
                IsDemo = true,
                CreatedAt = DateTime.UtcNow,
                OrgUnitId = units.TryGetValue(userName, out var unit) ? unit.Id : null,
            };
            // The published demo password is refused by the password policy (StrengthPasswordValidator): the demo
            // users get it hashed directly, and lose it with the demo data (RemoveAsync deletes them).
            user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoPassword);
            var result = await users.CreateAsync(user);
            if (result.Succeeded) await users.AddToRoleAsync(user, role);
        }
        await Features.TaskPlans.TaskPlanDemo.SeedAsync(db, units["unit"].Id, ct);
        var demoIds = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        await Features.Notifications.NotificationDemo.SeedAsync(db, demoIds, ct);
        if (await LiaisonDemo.CadreId(db, ct) is { } cadreId) await LiaisonDemo.SeedAsync(db, figures, cadreId, ct);
        await Features.HelpRequests.HelpRequestDemoData.SeedAsync(db, figures, organizations, units["unit"], ct);
        await AttachmentDemo.SeedAsync(db, sp.GetRequiredService<Common.Files.IFileStore>(), ct);
        WasSeeded = true;
        log.LogInformation("Demo data seeded: {Regions} regions, {Figures} figures, {Orgs} organizations", regions.Count, figures.Count, organizations.Count);
    }

    /// <summary>Removes every demo record (figures cascade to their accounts, positions, honours); the audit log keeps its lines.</summary>
    public static async Task<int> RemoveAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<TongxinDb>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var n = await AttachmentDemo.RemoveAsync(db, ct);
        n += await Features.HelpRequests.HelpRequestDemoData.RemoveAsync(db, ct);
        n += await db.FigureSearchKeys.Where(k => db.Figures.Any(f => f.Id == k.FigureId && f.IsDemo)).ExecuteDeleteAsync(ct);
        n += await db.Figures.Where(f => f.IsDemo).ExecuteDeleteAsync(ct);
        n += await db.Organizations.Where(o => o.IsDemo).ExecuteDeleteAsync(ct);
        n += await Features.TaskPlans.TaskPlanDemo.RemoveAsync(db, ct);
        n += await Features.Notifications.NotificationDemo.RemoveAsync(db, await users.Users.Where(u => u.IsDemo).Select(u => u.Id).ToListAsync(ct), ct);
        foreach (var u in await users.Users.Where(u => u.IsDemo).ToListAsync(ct))
        {
            await users.DeleteAsync(u);
            n++;
        }
        n += await db.OrgUnits.Where(u => u.IsDemo && !db.Users.Any(x => x.OrgUnitId == u.Id)).ExecuteDeleteAsync(ct);
        // Children before parents; regions still used by real records stay.
        foreach (var r in await db.Regions.Where(r => r.IsDemo).OrderByDescending(r => r.Level).ToListAsync(ct))
        {
            var prefix = r.Code;
            var used = await db.Figures.AnyAsync(f => f.RegionCode == prefix, ct) || await db.Organizations.AnyAsync(o => o.RegionCode == prefix, ct)
                || await users.Users.AnyAsync(u => u.RegionCode == prefix, ct) || await db.Regions.AnyAsync(c => c.ParentCode == prefix, ct)
                || await db.OrgUnits.AnyAsync(u => u.RegionCode == prefix, ct);
            if (used) { r.IsDemo = false; continue; }
            db.Regions.Remove(r);
            await db.SaveChangesAsync(ct);
            n++;
        }
        await db.SaveChangesAsync(ct);
        await db.LogAsync("demo-remove", null, null, $"删除演示数据 {n} 条", ct: ct);
        return n;
    }

    /// <summary>The demo county whose name (without 区/县, e.g. 江阳, 泸县) a workplace or organization contains.</summary>
    private static string? CountyNamed(string text) =>
        RegionTree.Where(r => r.Code.Length == 6 && r.Parent is not null)
            .FirstOrDefault(r => text.Contains(r.Name.Length > 2 ? r.Name[..^1] : r.Name)).Code;

    private static string Name(Random rng)
    {
        // Skew towards common surnames, as real registries are.
        var s = Surnames[(int)(Math.Pow(rng.NextDouble(), 2.2) * Surnames.Length)];
        var given = GivenChars[rng.Next(GivenChars.Length)] + (rng.Next(3) == 0 ? "" : GivenChars[rng.Next(GivenChars.Length)]);
        return s + given;
    }

    private static string DemoIdNumber(Random rng, string region, DateOnly birth, bool female)
    {
        var seq = rng.Next(10, 99).ToString() + (female ? 2 * rng.Next(5) : 2 * rng.Next(5) + 1);
        var first17 = region[..6] + birth.ToString("yyyyMMdd") + seq;
        return first17 + IdCardNumber.CheckDigit(first17);
    }

    private static string DemoCreditCode(Random rng)
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first17 = "91510500" + new string(Enumerable.Range(0, 9).Select(_ => chars[rng.Next(chars.Length)]).ToArray());
        return first17 + UnifiedCreditCode.CheckChar(first17);
    }
}
