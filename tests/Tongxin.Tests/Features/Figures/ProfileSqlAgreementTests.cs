using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// On SQLite the profile is one hand-written statement (SqliteProfile); it must answer exactly what the EF query
/// (GetFigure.LoadWithEf) answers, for every scope, figure shape and child collection, compared as the JSON the
/// API writes. On PostgreSQL the EF query is the path, and the API must still answer what it reads.
/// </summary>
public abstract class ProfileSqlAgreementTests(TestApp app) : IAsyncLifetime
{
    private static string IdNumber(string first17) => first17 + Tongxin.Common.Validation.IdCardNumber.CheckDigit(first17);

    private static readonly IDataScope City = new FixedScope(RegionRange.ForPrefix("5105"));
    private static readonly IDataScope Jiangyang = new FixedScope(RegionRange.ForPrefix("510502"));
    private static readonly IDataScope Chengdu = new FixedScope(RegionRange.ForPrefix("5101"));

    private static int _runs = Random.Shared.Next(0, 500);
    private long _full, _bare, _withdrawn, _town, _chengdu;
    private string _suffix = "";

    public async Task InitializeAsync()
    {
        // xUnit arranges afresh for each test on the class's shared database: ID numbers and phones must not repeat.
        _suffix = (Interlocked.Increment(ref _runs) % 1000).ToString("D3");
        _full = await app.CreateFigure("admin", new
        {
            name = "欧阳测" + _suffix,
            regionCode = "510502",
            idNumber = IdNumber("51050219880808" + _suffix),
            phone = "139" + _suffix + "45678",
            homeAddress = "四川省泸州市江阳区某某路 8 号",
            email = "oy@example.com",
            consentVersion = "v2",
            consentAt = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567),
        });
        _bare = await app.CreateFigure("admin", new { name = "空" + _suffix, regionCode = "510500" });
        _withdrawn = await app.CreateFigure("admin", new { name = "退出测" + _suffix, regionCode = "510503" });
        _town = await app.CreateFigure("admin", new { name = "街道测" + _suffix, regionCode = "510502001" });
        _chengdu = await app.CreateFigure("admin", new { name = "成都测" + _suffix, regionCode = "510104" });

        await app.WithDb(async (db, _) =>
        {
            var full = await db.Figures.Include(f => f.Accounts).SingleAsync(f => f.Id == _full);
            full.Category = "主播";
            full.Fields = "文化、旅游,美食";
            full.Tags = ["带货", " 前后空格 ", "引号\"与\\反斜杠", "emoji 😀"];
            full.Workplace = "泸州老窖\t车间";
            full.JobTitle = "主任";
            full.KeyLevel = "city";
            full.Source = "推荐";
            full.RecommendedBy = "统战部";
            full.Notes = "多行\n备注 <b>&amp;</b> \u0001 控制字符";
            full.WeChat = "wx_欧阳";
            // Two accounts with the same follower count: the order falls back to the id.
            var douyin = new PlatformAccount { Platform = "douyin", Handle = "欧阳的号" + _suffix, Url = "https://v.douyin.com/x?a=1&b=2" };
            douyin.Record(new DateOnly(2026, 5, 6), 9_000_000_000, 12, 3, MetricSource.Staff);
            var kuaishou = new PlatformAccount { Platform = "kuaishou", Handle = "Ouyang" + _suffix };
            kuaishou.Record(new DateOnly(2026, 5, 7), 500, 0, 0, MetricSource.Import);
            var weibo = new PlatformAccount { Platform = "weibo", Handle = "欧阳微博" + _suffix };
            weibo.Record(new DateOnly(2026, 4, 1), 500, 7, 8, MetricSource.Self);
            // Never measured: no metrics date, no URL.
            var bilibili = new PlatformAccount { Platform = "bilibili", Handle = "无数据" + _suffix };
            // Added smallest first, so that id order is not the expected order (most followers first, then id).
            full.Accounts.AddRange([bilibili, kuaishou, weibo, douyin]);
            full.RecomputeAccountStats();
            full.Positions.Add(new Position { Kind = "人大代表", Level = "市级", Title = "代表", Organization = "泸州市人大", TermStart = "2022-01", TermEnd = "2027-01" });
            full.Positions.Add(new Position { Kind = "协会职务" });
            full.Honours.Add(new Honour { Title = "优秀网络人士", Level = "省级", AwardedOn = "2025-12", Issuer = "四川省委统战部" });
            full.Honours.Add(new Honour { Title = "无日期荣誉" });

            var withdrawn = await db.Figures.SingleAsync(f => f.Id == _withdrawn);
            withdrawn.Withdraw(FigureStatus.Transferred, "调往成都");

            var chengdu = await db.Figures.Include(f => f.Accounts).SingleAsync(f => f.Id == _chengdu);
            chengdu.Accounts.Add(new PlatformAccount { Platform = "douyin", Handle = "成都号" + _suffix });
            chengdu.RecomputeAccountStats();

            // Organizations in and out of the city's scope (EF leaves out a membership whose organization the user
            // cannot see), with and without a type and a role.
            var luzhouOrg = new Organization { Name = "泸州市网络人士联谊会" + _suffix, RegionCode = "510500", Type = "联谊会" };
            var jiangyangOrg = new Organization { Name = "江阳区新媒体协会" + _suffix, RegionCode = "510502" };
            var provinceOrg = new Organization { Name = "四川省网络人士协会" + _suffix, RegionCode = "510000", Type = "协会" };
            db.Organizations.AddRange(luzhouOrg, jiangyangOrg, provinceOrg);
            await db.SaveChangesAsync();
            db.OrganizationMembers.AddRange(
                new OrganizationMember { OrganizationId = provinceOrg.Id, FigureId = _full, Role = "理事" },
                new OrganizationMember { OrganizationId = jiangyangOrg.Id, FigureId = _full },
                new OrganizationMember { OrganizationId = luzhouOrg.Id, FigureId = _full, Role = "会长" },
                new OrganizationMember { OrganizationId = luzhouOrg.Id, FigureId = _chengdu, Role = "会员" });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private long[] All => [_full, _bare, _withdrawn, _town, _chengdu];

    private JsonSerializerOptions ApiJson =>
        app.Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private string Json(FigureDetail? detail) => JsonSerializer.Serialize(detail, ApiJson);

    private async Task<FigureDetail?> Read(IDataScope scope, Func<TongxinDb, Task<FigureDetail?>> load)
    {
        await using var services = app.Factory.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(scope);
        return await load(services.ServiceProvider.GetRequiredService<TongxinDb>());
    }

    [Fact]
    public async Task Every_profile_reads_the_same_as_the_EF_query_in_every_scope()
    {
        var seen = 0;
        foreach (var scope in new[] { City, Jiangyang, Chengdu, UnrestrictedScope.Instance, DataScopeHolder.NoAccess })
            foreach (var id in All)
            {
                var expected = await Read(scope, db => GetFigure.LoadWithEf(db, id));
                var actual = await Read(scope, db => GetFigure.Load(db, id));
                Assert.Equal(Json(expected), Json(actual));
                if (app.Provider == Provider.Sqlite)
                    Assert.Equal(Json(expected), Json(await Read(scope, db => SqliteProfile.LoadAsync(db, id))));
                if (expected is not null) seen++;
            }
        // City: 4 figures; 江阳: the full one and the town one; 成都: 1; unrestricted: 5; no access: none.
        Assert.Equal(4 + 2 + 1 + 5, seen);
    }

    [Fact]
    public async Task The_full_profile_has_its_collections_in_order_and_its_organizations_as_the_scope_allows()
    {
        var city = await Read(City, db => GetFigure.Load(db, _full));
        Assert.NotNull(city);
        Assert.Equal(["douyin", "kuaishou", "weibo", "bilibili"], city.Accounts.Select(a => a.Platform));
        Assert.Equal(9_000_000_000, city.Accounts[0].Followers);
        Assert.Equal(9_000_000_000, city.MaxFollowers);
        Assert.Null(city.Accounts[3].MetricsDate);
        Assert.Null(city.Accounts[3].Url);
        Assert.Equal(new DateOnly(2026, 5, 7), city.Accounts[1].MetricsDate);
        Assert.Equal(["人大代表", "协会职务"], city.Positions.Select(p => p.Kind));
        Assert.Equal(["优秀网络人士", "无日期荣誉"], city.Honours.Select(h => h.Title));
        Assert.Equal(["带货", " 前后空格 ", "引号\"与\\反斜杠", "emoji 😀"], city.Tags);
        Assert.Equal("四川省泸州市江阳区", city.RegionName);
        Assert.Equal(DateTimeKind.Utc, city.ConsentAt!.Value.Kind);
        // The province's organization is outside the city user's scope; the unrestricted reader sees all three.
        Assert.Equal(2, city.Organizations.Count);
        Assert.DoesNotContain(city.Organizations, o => o.Name.StartsWith("四川省"));
        var all = await Read(UnrestrictedScope.Instance, db => GetFigure.Load(db, _full));
        Assert.Equal(3, all!.Organizations.Count);
        Assert.True(all.Organizations.Select(o => o.OrganizationId).SequenceEqual(all.Organizations.Select(o => o.OrganizationId).Order()));

        var bare = await Read(City, db => GetFigure.Load(db, _bare));
        Assert.Empty(bare!.Accounts);
        Assert.Empty(bare.Positions);
        Assert.Empty(bare.Honours);
        Assert.Empty(bare.Organizations);
        Assert.Empty(bare.Tags);
        Assert.Null(bare.IdNumberMasked);
        Assert.Equal("transferred", (await Read(City, db => GetFigure.Load(db, _withdrawn)))!.Status);
    }

    [Fact]
    public async Task The_API_answers_what_the_EF_query_reads_and_another_region_gets_not_found()
    {
        var cityUser = await app.As("staff_city");
        foreach (var id in new[] { _full, _bare, _withdrawn, _town })
        {
            var response = await cityUser.GetAsync($"/api/figures/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var expected = Json(await Read(City, db => GetFigure.LoadWithEf(db, id)));
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }
        // Out of scope answers like a figure that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await cityUser.GetAsync($"/api/figures/{_chengdu}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cityUser.GetAsync($"/api/figures/{long.MaxValue}")).StatusCode);
        var chengduUser = await app.As("staff_cd");
        Assert.Equal(HttpStatusCode.NotFound, (await chengduUser.GetAsync($"/api/figures/{_full}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chengduUser.GetAsync($"/api/figures/{_chengdu}")).StatusCode);
        var naxiUser = await app.As("staff_nx");
        Assert.Equal(HttpStatusCode.NotFound, (await naxiUser.GetAsync($"/api/figures/{_full}")).StatusCode);
    }

    [Fact]
    public async Task Sensitive_fields_stay_masked()
    {
        var text = await (await (await app.As("staff_city")).GetAsync($"/api/figures/{_full}")).Content.ReadAsStringAsync();
        var stored = await app.WithDb((db, _) => db.Figures.AsNoTracking().SingleAsync(f => f.Id == _full));
        var detail = JsonDocument.Parse(text).RootElement;
        Assert.Equal(stored.IdNumberMasked, detail.GetProperty("idNumberMasked").GetString());
        Assert.Equal(stored.PhoneMasked, detail.GetProperty("phoneMasked").GetString());
        Assert.Equal(stored.HomeAddressMasked, detail.GetProperty("homeAddressMasked").GetString());
        Assert.Contains("*", stored.IdNumberMasked);
        Assert.Contains("*", stored.PhoneMasked);
        Assert.DoesNotContain("19880808", text);
        Assert.DoesNotContain("45678", text.Replace(stored.PhoneMasked!, ""));
        Assert.DoesNotContain("某某路", text);
        foreach (var secret in new[] { stored.IdNumberCipher, stored.IdNumberHash, stored.PhoneCipher, stored.PhoneHash, stored.HomeAddressCipher })
        {
            Assert.False(string.IsNullOrEmpty(secret));
            Assert.DoesNotContain(secret, text);
        }
        Assert.False(detail.TryGetProperty("idNumberCipher", out _));
        Assert.False(detail.TryGetProperty("phoneHash", out _));
    }
}

public sealed class ProfileSqlAgreementTestsOnSqlite(SqliteApp app) : ProfileSqlAgreementTests(app), IClassFixture<SqliteApp>;
public sealed class ProfileSqlAgreementTestsOnPostgres(PostgresApp app) : ProfileSqlAgreementTests(app), IClassFixture<PostgresApp>;
