using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;
using Tongxin.Features.Dashboard;
using Tongxin.Features.Figures;

namespace Tongxin.Bench;

/// <summary>
/// Generates a province-sized dataset: regions, figures, accounts (3 per figure on average), metric snapshots
/// (10 per figure), organizations, search keys, the daily work (<see cref="DailyWorkData"/>), notifications and
/// benchmark users, loaded through <see cref="BulkSink"/>.
/// </summary>
public static class Generator
{
    public const string UserPassword = "Bench-Password-2026";
    public static readonly string[] Platforms = ["douyin", "kuaishou", "weibo", "wechat-channels", "bilibili", "xiaohongshu", "toutiao", "taobao-live"];
    private static readonly string[] Categories = ["anchor", "selfmedia", "bigv", "writer", "newmedia", "executive", "tech", "ecommerce", "mcn"];
    private static readonly string[] CityCodes =
        ["5101", "5103", "5104", "5105", "5106", "5107", "5108", "5109", "5110", "5111", "5113", "5114", "5115", "5116", "5117", "5118", "5119", "5120", "5132", "5133", "5134"];
    private static readonly string[] CityNames =
        ["成都市", "自贡市", "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市", "内江市", "乐山市", "南充市", "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "巴中市", "资阳市", "阿坝州", "甘孜州", "凉山州"];
    private static readonly string[] HandleWords = ["meishi", "luzhou", "chengdu", "vlog", "daily", "live", "sannong", "lvxing", "keji", "shenghuo", "xiaochi", "tea", "music", "game"];

    public sealed record Result(int Figures, long Accounts, long Snapshots, long SearchKeys, TimeSpan Elapsed);

    /// <summary>A generated figure's key level: one in forty city, then one in fifteen district (DailyWorkData derives due dates from it).</summary>
    public static string? KeyLevelOf(long id) => id % 40 == 0 ? "city" : id % 15 == 0 ? "district" : null;

    public static async Task<Result> RunAsync(BenchConfig config, int figures)
    {
        var total = Stopwatch.StartNew();
        var app = config.BuildApp();
        await using (app)
        {
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            await DatabaseStartup.PrepareAsync(sp, app.Configuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger("bench"), seedDemo: false, CancellationToken.None);
            var db = sp.GetRequiredService<TongxinDb>();
            if (await db.Figures.AnyAsync()) throw new InvalidOperationException("The target database already holds figures; generate into an empty one.");
            await CreateUsersAsync(sp);
            await DailyWorkData.CreateUsersAsync(sp);
        }

        var protector = FieldProtector.LoadOrCreate(Path.Combine(config.DataDirectory, "keys"));
        var people = new SyntheticPeople(20261123);
        var regions = BuildRegions();
        var placeable = regions.Where(r => r.Level >= 3).Select(r => r.Code).ToArray();
        var fullNames = regions.ToDictionary(r => r.Code, r => r.FullName);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTime.UtcNow;

        Console.WriteLine($"Generating {figures:N0} figures on {config.Provider}…");
        await using var sink = await BulkSink.OpenAsync(config.Provider, config.ConnectionString);
        await sink.LoadAsync("Regions", ["Code", "Name", "FullName", "ParentCode", "Level", "IsDemo"],
            regions.Where(r => r.Code is not ("510000" or "510500" or "510502")).Select(r => new object?[] { r.Code, r.Name, r.FullName, r.Parent, r.Level, false }));

        // Figures, then accounts/snapshots/keys derived from the same deterministic stream of people.
        var figureRows = new List<(long Id, string Name, string SortKey, string Region)>(figures);
        var maxFollowers = new long[figures + 1];
        var accountCounts = new int[figures + 1];
        var accounts = new List<(long Id, long FigureId, string Platform, string Handle, long Followers)>(figures * 3);
        long accountId = 0;
        var takenHandles = new HashSet<(string, string)>();
        for (var i = 1; i <= figures; i++)
        {
            var name = people.Name();
            var count = 1 + people.Next(5); // 3 on average
            long best = 0;
            foreach (var platform in Platforms.OrderBy(_ => people.Next(1000)).Take(count))
            {
                var followers = people.Followers();
                best = Math.Max(best, followers);
                var handle = people.Next(2) == 0
                    ? $"{string.Concat(Pinyin.Syllables(name))}_{people.Pick(HandleWords)}{people.Next(10000)}"
                    : $"{people.Pick(HandleWords)}{name[^1]}{people.Next(1000)}";
                // A handle has one owner per platform (a unique index): a drawn handle already taken gets the account's number.
                ++accountId;
                for (var n = 0; !takenHandles.Add((platform, handle.Trim().ToLowerInvariant())); n++) handle = $"{handle}_{accountId}{(n == 0 ? "" : n)}";
                accounts.Add((accountId, i, platform, handle, followers));
            }
            maxFollowers[i] = best;
            accountCounts[i] = count;
            figureRows.Add((i, name, Pinyin.SortKey(name), placeable[people.Next(placeable.Length)]));
        }

        // Dashboard tallies: PostgreSQL's statement triggers sum a COPY in one grouped insert of changes; SQLite's row triggers
        // would run per figure, so there they are dropped for the load and the tallies rebuilt in one pass after it.
        if (config.Provider != "postgres") await sink.ExecuteAsync(FigureTallySql.DropSqliteTriggers);
        await sink.LoadAsync("Figures",
            ["Id", "Name", "SortKey", "Gender", "BirthDate", "IdNumberCipher", "IdNumberHash", "IdNumberMasked", "PhoneCipher", "PhoneHash", "PhoneMasked",
             "RegionCode", "Workplace", "Category", "Tags", "KeyLevel", "Status", "EnrolledOn", "MaxFollowers", "AccountCount", "IsDemo", "CreatedAt", "UpdatedAt", "Version"],
            figureRows.Select(f =>
            {
                // One ID number per figure (the index on its hash is unique): the sequence is the id's last three digits and
                // the birth date a bijection of the rest (7919 is prime to 16,000 days, about 44 years from 1960).
                var birth = new DateOnly(1960, 1, 1).AddDays((int)(f.Id / 1000 * 7919 % 16_000));
                var first17 = f.Region[..6] + birth.ToString("yyyyMMdd") + (f.Id % 1000).ToString("000");
                var idNumber = first17 + IdCardNumber.CheckDigit(first17);
                var phone = "1" + (38 + f.Id % 60).ToString("00") + (f.Id * 7919 % 100_000_000).ToString("00000000");
                return new object?[]
                {
                    f.Id, f.Name, f.SortKey, f.Id % 2 == 0 ? "女" : "男", birth.ToString("yyyy-MM-dd"),
                    protector.Encrypt(idNumber), protector.Hash(idNumber), IdCardNumber.Mask(idNumber),
                    protector.Encrypt(phone), protector.Hash(phone), PhoneNumber.Mask(phone),
                    f.Region, "网络科技有限公司", Categories[f.Id % Categories.Length], f.Id % 5 == 0 ? new List<string> { "乡村振兴" } : new List<string>(),
                    KeyLevelOf(f.Id), 0, today.AddDays(-(int)(f.Id % 1500)),
                    maxFollowers[f.Id], accountCounts[f.Id], false, now, now, 0,
                };
            }));

        if (config.Provider != "postgres")
        {
            var sw = Stopwatch.StartNew();
            await sink.ExecuteAsync(FigureTallySql.Rebuild(postgres: false));
            await sink.ExecuteAsync(FigureTallySql.CreateSqliteTriggers);
            Console.WriteLine($"  {"FigureTallies",-20} rebuilt in {sw.Elapsed.TotalSeconds:F1} s");
        }
        else await sink.ExecuteAsync(FigureTallySql.FoldChanges); // as a server would within seconds

        // Likes and works left blank (unknown) on one account in seven, as real sheets have them.
        static bool Unknown(long accountId) => accountId % 7 == 3;
        await sink.LoadAsync("PlatformAccounts", ["Id", "FigureId", "Platform", "Handle", "HandleKey", "Url", "Followers", "Likes", "Works", "MetricsDate", "Version"],
            accounts.Select(a => new object?[] { a.Id, a.FigureId, a.Platform, a.Handle, a.Handle.ToLowerInvariant(), null, a.Followers, Unknown(a.Id) ? null : a.Followers * 6, Unknown(a.Id) ? null : 10 + a.Id % 500, today, 0 }));

        // ~10 snapshots per figure: about 3.3 per account, dated monthly backwards.
        long snapshotId = 0;
        var snapshots = await sink.LoadAsync("MetricSnapshots", ["Id", "AccountId", "Date", "Followers", "Likes", "Works", "Source"],
            accounts.SelectMany(a => Enumerable.Range(0, a.Id % 3 == 0 ? 4 : 3).Select(m => new object?[]
                { ++snapshotId, a.Id, today.AddMonths(-m), (long)(a.Followers * (1 - 0.03 * m)), Unknown(a.Id) ? null : a.Followers * 6,
                    Unknown(a.Id) ? null : 10 + a.Id % 500, m == 0 ? 1 : 2 })));

        var handlesByFigure = accounts.ToLookup(a => a.FigureId, a => a.Handle.ToLowerInvariant());
        var platformsByFigure = accounts.ToLookup(a => a.FigureId, a => a.Platform);
        // Every generated figure is active (Status 0, as loaded above).
        var keys = await sink.LoadAsync("FigureSearchKeys", ["Key", "FigureId", "RegionCode", "Status", "SortKey", "Category"],
            figureRows.SelectMany(f => FigureSearchIndexer.KeysFor(f.Name, f.Id % 5 == 0 ? ["乡村振兴"] : [], handlesByFigure[f.Id], [], platformsByFigure[f.Id])
                .Select(k => new object?[] { k, f.Id, f.Region, 0, f.SortKey, Categories[f.Id % Categories.Length] })));

        await sink.LoadAsync("Organizations", ["Id", "Name", "NameKey", "Type", "RegionCode", "IsBase", "IsDemo", "Version"],
            Enumerable.Range(1, Math.Max(10, figures / 50)).Select(i => new object?[]
                { (long)i, $"{fullNames[placeable[i % placeable.Length]][..3]}网络科技{i}号有限公司", $"网络科技{i}号有限公司", "company", placeable[i % placeable.Length], false, false, 0 }));

        var daily = await DailyWorkData.LoadAsync(sink, config, figureRows.Select(f => (f.Id, f.Region)).ToList(), CityCodes,
            CityCodes.Select((c, i) => (c, CityNames[i])).ToDictionary(x => x.c, x => x.Item2),
            Enumerable.Range(1, Math.Max(10, figures / 50)).Select(i => ((long)i, placeable[i % placeable.Length])).ToList(), now);
        Console.WriteLine($"  daily work: {daily.Cadres:N0} cadres, {daily.Assignments:N0} assignments, {daily.ContactLogs:N0} contact logs, " +
                          $"{daily.HelpRequests:N0} help requests ({daily.Parts:N0} unit parts, {daily.Events:N0} timeline rows), {daily.Tasks:N0} plan tasks, {daily.Reports:N0} reports");

        var notifications = await LoadNotificationsAsync(sink, config, figures, now);

        Console.WriteLine("  analyzing…");
        if (config.Provider == "postgres")
        {
            foreach (var (table, max) in new[] { ("Figures", (long)figures), ("PlatformAccounts", accountId), ("MetricSnapshots", snapshotId), ("Organizations", (long)Math.Max(10, figures / 50)), ("Notifications", notifications) })
                await sink.ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), {Math.Max(1, max)})");
            await sink.ExecuteAsync("VACUUM ANALYZE");
        }
        else await sink.ExecuteAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");

        return new Result(figures, accountId, snapshots, keys, total.Elapsed);
    }

    public sealed record RegionRow(string Code, string Name, string FullName, string? Parent, int Level);

    /// <summary>A province: 21 cities, 8–12 districts each, ~15 townships per district.</summary>
    public static List<RegionRow> BuildRegions()
    {
        var rows = new List<RegionRow> { new("510000", "四川省", "四川省", null, 1) };
        for (var c = 0; c < CityCodes.Length; c++)
        {
            var city = CityCodes[c] + "00";
            rows.Add(new(city, CityNames[c], "四川省" + CityNames[c], "510000", 2));
            var districts = 8 + c % 5;
            for (var d = 1; d <= districts; d++)
            {
                var district = CityCodes[c] + d.ToString("00");
                var dname = $"第{d}区";
                rows.Add(new(district, dname, "四川省" + CityNames[c] + dname, city, 3));
                for (var t = 1; t <= 15; t++)
                    rows.Add(new($"{district}{t:000}", $"第{t}镇", "四川省" + CityNames[c] + dname + $"第{t}镇", district, 4));
            }
        }
        return rows;
    }

    /// <summary>Benchmark users: staff at province, city (泸州) and district level, each its own account.</summary>
    /// <summary>Inbox rows per figure: 20M at 1M figures (the issue's year at 5 a week would be ≈250M; see the results).</summary>
    public const int NotificationsPerFigure = 20;

    /// <summary>Inbox rows a bench user has (a busy member's year), of which the newest are unread.</summary>
    public const int BenchUserNotifications = 300, BenchUserUnread = 12;

    /// <summary>The synthetic member who owns a figure's inbox rows (no account row: the inbox needs only the id).</summary>
    public static string MemberUserId(long figureId) => $"bench-member-{figureId}";

    /// <summary>
    /// Notifications spread over the past year, one synthetic member per figure, the newest one in ten unread;
    /// the bench users get a busy inbox of their own, written last so their rows are the newest.
    /// </summary>
    private static async Task<long> LoadNotificationsAsync(BulkSink sink, BenchConfig config, int figures, DateTime now)
    {
        var app = config.BuildApp();
        List<string> benchIds;
        await using (app)
        {
            using var scope = app.Services.CreateScope();
            var names = BenchUsers.Select(u => u.Name).ToList();
            benchIds = await scope.ServiceProvider.GetRequiredService<TongxinDb>().Users.Where(u => names.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
        }
        long id = 0;
        var step = TimeSpan.FromDays(365.0 / NotificationsPerFigure);
        IEnumerable<object?[]> Rows()
        {
            for (var k = 0; k < NotificationsPerFigure; k++)
                for (long f = 1; f <= figures; f++)
                {
                    var at = now - step * (NotificationsPerFigure - k) + TimeSpan.FromSeconds(f % 3600);
                    var unread = k == NotificationsPerFigure - 1 && f % 10 == 0;
                    yield return Row(++id, MemberUserId(f), k % 4 == 0 ? "notice" : "birthday", at, unread, f);
                }
            foreach (var user in benchIds)
                for (var k = 0; k < BenchUserNotifications; k++)
                    yield return Row(++id, user, "notice", now - TimeSpan.FromHours(BenchUserNotifications - k), k >= BenchUserNotifications - BenchUserUnread, k);
        }
        static object?[] Row(long id, string user, string kind, DateTime at, bool unread, long subject) =>
            [id, user, kind, kind == "notice" ? "关于开展网络人士培训的通知" : "今天是联系人的生日", "请按时参加。", $"/figures/{subject}", null, at, unread ? null : at.AddHours(2)];
        return await sink.LoadAsync("Notifications", ["Id", "UserId", "Kind", "Title", "Body", "Link", "NoticeId", "CreatedAt", "ReadAt"], Rows());
    }

    private static async Task CreateUsersAsync(IServiceProvider sp)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<TongxinDb>();
        foreach (var r in BuildRegions().Where(r => r.Code is "510500" or "510502"))
            if (!await db.Regions.AnyAsync(x => x.Code == r.Code))
                db.Regions.Add(new Common.Scope.Region { Code = r.Code, Name = r.Name, FullName = r.FullName, ParentCode = r.Parent, Level = r.Level });
        await db.SaveChangesAsync();
        foreach (var (name, region) in BenchUsers)
        {
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = region, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, UserPassword);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Staff);
        }
    }

    public static readonly (string Name, string Region)[] BenchUsers =
    [
        ("bench_city", "510500"), ("bench_district", "510502"), ("bench_province", "510000"), ("bench_signin_1", "510500"), ("bench_signin_2", "510500"),
        ("bench_signin_3", "510500"), ("bench_signin_4", "510500"),
    ];
}
