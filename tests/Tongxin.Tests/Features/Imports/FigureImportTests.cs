using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>Import through the HTTP API as city staff (泸州市 510500): parsing, validation, matching, all-or-nothing.</summary>
public abstract class FigureImportTests(TestApp app)
{
    private static readonly object?[] Header = ["姓名", "性别", "出生年月", "身份证号", "手机", "所属地区", "人士类别", "平台", "账号", "粉丝数"];

    private static object?[] Person(string name, object? birth = null, object? id = null, object? phone = null, object? region = null,
        object? category = null, object? platform = null, object? handle = null, object? followers = null) =>
        [name, null, birth, id, phone, region, category, platform, handle, followers];

    private Task<Figure?> Find(string name) =>
        app.WithDb((db, _) => db.Figures.Include(f => f.Accounts).FirstOrDefaultAsync(f => f.Name == name));

    private Task<int> FigureCount() => app.WithDb((db, _) => db.Figures.CountAsync());

    [Fact]
    public async Task Header_under_title_rows_and_variants_are_recognized()
    {
        var name = Name();
        var file = new WorkbookBuilder()
            .Row("2026年网络人士信息表")
            .Row()
            .Row("*姓名", "性 别", "出生日期", "公民身份号码", "联系电话", "所属区县", "工作单位（必填）", "人士类别", "平台", "平台账号", "粉丝量", "自定义列")
            .Row(name, "男", "1990-05", null, "13900001111", "纳溪区", "某公司", "主播", "抖音", Unique("h"), "3,200", "x")
            .Row("注：以上信息由各区县汇总")
            .Build();
        var report = await Import(await app.As("staff_city"), file, "dryRun");
        Assert.Empty(Errors(report));
        Assert.Equal(1, report["totalRows"]!.GetValue<int>());
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal(["自定义列"], report["unknownColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Dates_keep_their_precision_in_every_form()
    {
        var names = Enumerable.Range(0, 6).Select(_ => Name()).ToArray();
        var file = new WorkbookBuilder().Row(Header)
            .Row(Person(names[0], "1990-05-01"))
            .Row(Person(names[1], "1990.05"))
            .Row(Person(names[2], "1990年5月"))
            .Row(Person(names[3], new DateTime(1990, 5, 1)))
            .Row(Person(names[4], 32994d)) // Excel serial of 1990-05-01
            .Row(Person(names[5], 1990.05))
            .Build();
        var report = await Import(await app.As("staff_city"), file);
        Assert.Empty(Errors(report));
        string?[] expected = ["1990-05-01", "1990-05", "1990-05", "1990-05-01", "1990-05-01", "1990-05"];
        for (var i = 0; i < names.Length; i++) Assert.Equal(expected[i], (await Find(names[i]))!.BirthDate);
    }

    [Fact]
    public async Task Id_numbers_are_checked_like_the_api_does()
    {
        var lower = IdNumber(new DateOnly(1991, 2, 3)).Replace('X', 'x');
        var withX = Enumerable.Range(0, 2000).Select(i => $"51050219920304{i % 1000:000}").Select(f => f + IdCardNumber.CheckDigit(f)).First(n => n.EndsWith('X'));
        var names = Enumerable.Range(0, 5).Select(_ => Name()).ToArray();
        var valid = IdNumber();
        var badCheck = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var file = new WorkbookBuilder().Row(Header)
            .Row(Person(names[0], id: 510502199001011234d))            // row 2: a float, digits lost
            .Row(Person(names[1], id: withX.ToLowerInvariant()))        // row 3: lower-case x
            .Row(Person(names[2], id: "510502900101123"))               // row 4: 15 digits
            .Row(Person(names[3], "1980-01", id: lower))                // row 5: birth date disagrees
            .Row(Person(names[4], id: badCheck))            // row 6: bad check digit
            .Build();
        var errors = Errors(await Import(await app.As("staff_city"), file, "dryRun"));
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "身份证号" && e.Message == IdCardNumber.ExcelNumberMessage);
        Assert.DoesNotContain(errors, e => e.Row is 3 or 4);
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "出生年月" && e.Message == "出生日期与身份证号不符");
        Assert.Contains(errors, e => e.Row == 6 && e.Message == IdCardNumber.CheckDigitMessage);

        var ok = new WorkbookBuilder().Row(Header).Row(Person(names[1], id: withX.ToLowerInvariant())).Row(Person(names[2], id: "510502900101123")).Build();
        Assert.Empty(Errors(await Import(await app.As("staff_city"), ok)));
        var converted = await Find(names[2]);
        Assert.Equal("1990-01-01", converted!.BirthDate);
        Assert.StartsWith("510502", converted.IdNumberMasked);
        Assert.Equal(18, converted.IdNumberMasked!.Length);
    }

    [Fact]
    public async Task Counts_are_read_as_people_write_them()
    {
        var names = Enumerable.Range(0, 5).Select(_ => Name()).ToArray();
        object[] counts = ["3,200", "12.5万", "1100万", "３２００", 4500d];
        long[] expected = [3_200, 125_000, 11_000_000, 3_200, 4_500];
        var b = new WorkbookBuilder().Row(Header);
        for (var i = 0; i < names.Length; i++) b.Row(Person(names[i], platform: "抖音", handle: Unique("c"), followers: counts[i]));
        Assert.Empty(Errors(await Import(await app.As("staff_city"), b.Build())));
        for (var i = 0; i < names.Length; i++)
        {
            var f = await Find(names[i]);
            Assert.Equal(expected[i], f!.Accounts.Single().Followers);
            Assert.Equal(expected[i], f.MaxFollowers);
        }
    }

    [Fact]
    public async Task Regions_resolve_by_short_name_full_name_or_code_within_scope()
    {
        var names = Enumerable.Range(0, 5).Select(_ => Name()).ToArray();
        var file = new WorkbookBuilder().Row(Header)
            .Row(Person(names[0], region: "纳溪区"))
            .Row(Person(names[1], region: "泸州市纳溪区"))
            .Row(Person(names[2], region: "四川省泸州市江阳区"))
            .Row(Person(names[3], region: "510502001"))
            .Row(Person(names[4], region: "锦江区"))
            .Build();
        var report = await Import(await app.As("staff_city"), file, "dryRun");
        var error = Assert.Single(Errors(report));
        Assert.Equal((6, "所属地区", "地区“锦江区”不存在或不在本单位管辖范围"), error);

        var ok = new WorkbookBuilder().Row(Header).Rows(new[] { 0, 1, 2, 3 }.Select(i => Person(names[i], region: new[] { "纳溪区", "泸州市纳溪区", "四川省泸州市江阳区", "510502001" }[i]))).Build();
        Assert.Empty(Errors(await Import(await app.As("staff_city"), ok)));
        Assert.Equal("510503", (await Find(names[0]))!.RegionCode);
        Assert.Equal("510503", (await Find(names[1]))!.RegionCode);
        Assert.Equal("510502", (await Find(names[2]))!.RegionCode);
        Assert.Equal("510502001", (await Find(names[3]))!.RegionCode);
    }

    [Fact]
    public async Task Same_id_twice_in_a_file_names_the_earlier_row()
    {
        var id = IdNumber();
        var file = new WorkbookBuilder().Row("标题").Row(Header)
            .Row(Person(Name(), id: id)).Row(Person(Name())).Row(Person(Name(), id: id)).Build();
        var error = Assert.Single(Errors(await Import(await app.As("staff_city"), file, "dryRun")));
        Assert.Equal((5, "身份证号", "与第3行身份证号重复"), error);
    }

    [Fact]
    public async Task Dry_run_changes_nothing()
    {
        var before = await FigureCount();
        var file = new WorkbookBuilder().Row(Header).Row(Person(Name(), id: IdNumber())).Row(Person(Name(), platform: "快手", handle: Unique("d"))).Build();
        var report = await Import(await app.As("staff_city"), file, "dryRun");
        Assert.Equal(2, report["created"]!.GetValue<int>());
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Null(report["batchId"]);
        Assert.Equal(before, await FigureCount());
    }

    [Fact]
    public async Task Commit_with_one_bad_row_writes_nothing()
    {
        var before = await FigureCount();
        var good = Name();
        var file = new WorkbookBuilder().Row(Header)
            .Rows(Enumerable.Range(0, 600).Select(i => Person(i == 0 ? good : Name(), platform: "抖音", handle: Unique("a"), followers: 10)))
            .Row(Person(Name(), category: "不存在的类别"))
            .Build();
        var report = await Import(await app.As("staff_city"), file);
        Assert.False(report["committed"]!.GetValue<bool>());
        var error = Assert.Single(Errors(report));
        Assert.Equal((602, "人士类别"), (error.Row, error.Column));
        Assert.Equal(before, await FigureCount());
        Assert.Null(await Find(good));
        Assert.NotNull(report["errorReportToken"]);
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates()
    {
        var names = new[] { Name(), Name(), Name() };
        var file = new WorkbookBuilder().Row(Header)
            .Row(Person(names[0], id: IdNumber(), followers: "100"))
            .Row(Person(names[1], phone: "13" + Random.Shared.Next(100_000_000, 999_999_999)))
            .Row(Person(names[2], platform: "微博", handle: Unique("w"), followers: "2万"))
            .Build();
        var client = await app.As("staff_city");
        var first = await Import(client, file);
        Assert.Equal(3, first["created"]!.GetValue<int>());
        var count = await FigureCount();
        var second = await Import(client, file);
        Assert.Empty(Errors(second));
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(3, second["unchanged"]!.GetValue<int>() + second["updated"]!.GetValue<int>());
        Assert.Equal(3, second["unchanged"]!.GetValue<int>());
        Assert.Equal(count, await FigureCount());
        var snapshots = await app.WithDb((db, _) => db.MetricSnapshots.CountAsync(s => s.Account!.Figure!.Name == names[2]));
        Assert.Equal(1, snapshots);
    }

    [Fact]
    public async Task A_match_in_another_region_is_an_error_not_an_update()
    {
        var id = IdNumber();
        var handle = Unique("cd");
        var theirs = await app.CreateFigure("staff_cd", new { name = Name(), regionCode = "510104", idNumber = id, workplace = "成都公司" });
        var other = await app.CreateFigure("staff_cd", new { name = Name(), regionCode = "510104" });
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("staff_cd")).PostAsync($"/api/figures/{other}/accounts", new { platform = "douyin", handle })).StatusCode);

        var file = new WorkbookBuilder().Row("姓名", "身份证号", "工作单位", "平台", "账号")
            .Row(Name(), id, "泸州公司", null, null)
            .Row(Name(), null, null, "抖音", handle)
            .Build();
        var errors = Errors(await Import(await app.As("staff_city"), file));
        Assert.Contains(errors, e => e.Row == 2 && e.Message.Contains("已在其他地区登记"));
        Assert.Contains(errors, e => e.Row == 3 && e.Message.Contains("已在其他地区登记"));
        var stored = await app.WithDb((db, _) => db.Figures.FirstAsync(f => f.Id == theirs));
        Assert.Equal("成都公司", stored.Workplace);
        Assert.Equal("510104", stored.RegionCode);
    }

    [Fact]
    public async Task Blank_cells_keep_stored_values_and_matching_uses_the_id()
    {
        var id = IdNumber();
        var name = Name();
        var figureId = await app.CreateFigure("staff_city", new { name, regionCode = "510502", idNumber = id, workplace = "旧单位", jobTitle = "主编" });
        var file = new WorkbookBuilder().Row("姓名", "身份证号", "工作单位", "职务").Row(name, id, "新单位", null).Build();
        var report = await Import(await app.As("staff_city"), file);
        Assert.Equal(1, report["updated"]!.GetValue<int>());
        var f = await app.WithDb((db, _) => db.Figures.FirstAsync(x => x.Id == figureId));
        Assert.Equal("新单位", f.Workplace);
        Assert.Equal("主编", f.JobTitle);
        Assert.Equal("510502", f.RegionCode);
    }

    [Fact]
    public async Task Legacy_xls_and_non_zip_files_are_refused()
    {
        var client = await app.As("staff_city");
        var xls = await ApiClient.ReadJson(await Upload(client, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "dryRun", "a.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains("请另存为 .xlsx", xls["title"]!.GetValue<string>());
        var text = await ApiClient.ReadJson(await Upload(client, "姓名,性别\n张三,男"u8.ToArray(), "dryRun", "a.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains(".xlsx", text["title"]!.GetValue<string>());
        var noHeader = await ApiClient.ReadJson(await Upload(client, new WorkbookBuilder().Row("a", "b").Row("c", "d").Build(), "dryRun"), HttpStatusCode.BadRequest);
        Assert.Contains("未找到表头", noHeader["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_a_clear_400()
    {
        var huge = new byte[Tongxin.Features.Imports.ImportLimits.MaxUploadBytes + 1];
        huge[0] = (byte)'P';
        huge[1] = (byte)'K';
        var response = await Upload(await app.As("staff_city"), huge, "dryRun");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Import_needs_the_import_permission_and_the_xsrf_header()
    {
        var file = new WorkbookBuilder().Row(Header).Row(Person(Name())).Build();
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(await app.As("leader_city"), file, "dryRun")).StatusCode);
        var fresh = await app.SignInFresh("staff_city", TestApp.Password);
        fresh.SendXsrf = false;
        Assert.Equal(HttpStatusCode.BadRequest, (await Upload(fresh, file, "dryRun")).StatusCode);
    }

    [Fact]
    public async Task The_error_workbook_lists_the_rows_with_an_explanation_for_its_maker_only()
    {
        var file = new WorkbookBuilder().Row(Header).Row(Person(Name())).Row(Person(Name(), "1990-13")).Build();
        var report = await Import(await app.As("staff_city"), file, "dryRun");
        var url = report["errorReportUrl"]!.GetValue<string>();
        var response = await (await app.As("staff_city")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("错误说明", rows[0].Values.Last());
        Assert.Null(rows[1].Values.Last());
        Assert.Contains("出生年月", rows[2].Values.Last()?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("staff_jy")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_template_reimports_without_errors()
    {
        var client = await app.As("staff_city");
        var response = await client.GetAsync("/api/figures/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsByteArrayAsync();
        var report = await Import(client, file);
        Assert.Empty(Errors(report));
        Assert.Empty(report["unknownColumns"]!.AsArray());
        Assert.Equal(1, report["created"]!.GetValue<int>());
    }
}

public sealed class FigureImportTestsOnSqlite(SqliteApp app) : FigureImportTests(app), IClassFixture<SqliteApp>;
public sealed class FigureImportTestsOnPostgres(PostgresApp app) : FigureImportTests(app), IClassFixture<PostgresApp>;
