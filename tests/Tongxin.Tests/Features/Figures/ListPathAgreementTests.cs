using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Demo;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// The list's paths over the demo data: the filters against a plain reading of them, the key index alone against the
/// same search through Figures, and a province-wide search read in name order per key against the region-ordered index.
/// </summary>
public abstract class ListPathAgreementTests(TestApp app)
{
    private static readonly string?[] Terms = [null, "王", "李伟", "张明华", "wzh", "luzhou", "luzhou_w", "传媒", "无此人"];

    private static readonly FigureFilter[] Filters =
    [
        new(), new() { Category = "anchor" }, new() { KeyLevel = "any" }, new() { KeyLevel = "city" }, new() { Platform = "douyin" },
        new() { FollowerTier = "10k" }, new() { Tag = "公益" }, new() { Status = "all" }, new() { Status = "left" }, new() { RegionCode = "510502" },
        new() { Category = "selfmedia", KeyLevel = "any", Platform = "kuaishou", FollowerTier = "10k", Tag = "青年", RegionCode = "510500", Status = "all" },
    ];

    private static readonly string?[] Sorts = [null, "-followers", "-enrolledOn", "region"];

    private Task SeedDemo() => app.WithDb(async (db, sp) =>
    {
        if (!await db.Figures.AnyAsync(f => f.IsDemo)) await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None);
        return 0;
    });

    /// <summary>The filters without a term, against the same filters written out over the figures in memory.</summary>
    [Fact]
    public async Task Filters_find_what_a_plain_reading_of_them_finds()
    {
        await SeedDemo();
        await app.WithDb(async (db, sp) =>
        {
            var all = await db.Figures.AsNoTracking().Include(f => f.Accounts).ToListAsync();
            foreach (var (scope, prefix) in new (IDataScope, string)[] { (UnrestrictedScope.Instance, "51"), (new FixedScope(RegionRange.ForPrefix("5105")), "5105") })
            {
                sp.GetRequiredService<DataScopeHolder>().Use(scope);
                foreach (var filter in Filters)
                {
                    var expected = all.Where(f => f.RegionCode.StartsWith(prefix) && Matches(filter, f)).Select(f => f.Id).Order().ToList();
                    var queries = await ListFigures.QueriesAsync(filter, db, 1, 1000);
                    var found = (await queries.PageAsync()).Select(r => r.Id).Order().ToList();
                    Assert.True(expected.SequenceEqual(found), $"{filter}: expected {expected.Count} [{string.Join(",", expected.Take(10))}…], found {found.Count} [{string.Join(",", found.Take(10))}…]");
                    Assert.Equal(expected.Count, await queries.CountAsync());
                }
            }
            return 0;
        });
    }

    private static async Task<bool> KeyOnly(FigureFilter filter, TongxinDb db) =>
        KeyOnlySearch.Applies(db, await FigureFilterShape.ResolveAsync(filter, db), FigureFilter.WantedSort(filter.Sort));

    private static async Task<bool> Wide(FigureFilter filter, TongxinDb db) =>
        KeyOnlySearch.IsWide(db, await FigureFilterShape.ResolveAsync(filter, db), FigureFilter.WantedSort(filter.Sort));

    private static bool Matches(FigureFilter filter, Figure f)
    {
        var status = filter.Status ?? "active";
        if (status == "active" && f.Status != FigureStatus.Active || status == "left" && f.Status != FigureStatus.Left) return false;
        if (filter.RegionCode is { } code && !f.RegionCode.StartsWith(code.EndsWith("00") ? code[..4] : code)) return false;
        if (filter.Category is { } c && f.Category != c) return false;
        if (filter.KeyLevel == "any" && f.KeyLevel is null || filter.KeyLevel is "city" or "district" && f.KeyLevel != filter.KeyLevel) return false;
        if (filter.Platform is { } p && !f.Accounts.Any(a => a.Platform == p)) return false;
        if (filter.FollowerTier is { } t && f.MaxFollowers < FigureFilter.Tiers[t]) return false;
        if (filter.Tag is { } tag && !f.Tags.Any(x => x.Trim().ToLowerInvariant() == tag)) return false;
        return true;
    }

    /// <summary>
    /// A term with a category is read from the key index alone (the key rows carry the category); an order the keys
    /// do not know sends the same filter through Figures. Both must find the same figures and count them alike.
    /// </summary>
    [Fact]
    public async Task A_term_with_a_category_finds_from_the_keys_what_the_figures_find()
    {
        await SeedDemo();
        var (keyOnly, withRows) = (0, 0);
        await app.WithDb(async (db, sp) =>
        {
            foreach (var scope in new IDataScope[] { UnrestrictedScope.Instance, new FixedScope(RegionRange.ForPrefix("5105")) })
            {
                sp.GetRequiredService<DataScopeHolder>().Use(scope);
                foreach (var term in Terms.OfType<string>())
                    foreach (var category in new[] { "anchor", "selfmedia", "writer", "无此类" })
                    {
                        var fromKeys = new FigureFilter { Q = term, Category = category };
                        var viaFigures = fromKeys with { Sort = "-followers" };
                        Assert.False(await KeyOnly(viaFigures, db));
                        if (!await KeyOnly(fromKeys, db)) continue; // a term that must be read whole (张明华, luzhou_w)
                        var (a, b) = (await ListFigures.QueriesAsync(fromKeys, db, 1, 1000), await ListFigures.QueriesAsync(viaFigures, db, 1, 1000));
                        var found = (await a.PageAsync()).Select(r => r.Id).Order().ToList();
                        var expected = (await b.PageAsync()).Select(r => r.Id).Order().ToList();
                        Assert.True(expected.SequenceEqual(found), $"{term} + {category}: Figures [{string.Join(",", expected)}], keys [{string.Join(",", found)}]");
                        Assert.Equal(await b.CountAsync(), await a.CountAsync());
                        keyOnly++;
                        if (found.Count > 0) withRows++;
                    }
            }
            return 0;
        });
        Assert.True(keyOnly >= 20 && withRows >= 5, $"{keyOnly} key-only combinations, {withRows} with rows");
    }

    /// <summary>
    /// A province-wide search in name order reads each key's rows in name order up to the page's end; asked for the
    /// province as a region, the same search sorts every match from the region-ordered key index. Page by page, with
    /// pages small enough that the demo's common words span many, both must give the same figures in the same order.
    /// </summary>
    [Fact]
    public async Task A_province_wide_search_pages_as_the_region_ordered_index_does()
    {
        await SeedDemo();
        var (pages, withRows) = (0, 0);
        await app.WithDb(async (db, sp) =>
        {
            foreach (var scope in new IDataScope[] { UnrestrictedScope.Instance, new FixedScope(RegionRange.ForPrefix("51")) })
            {
                sp.GetRequiredService<DataScopeHolder>().Use(scope);
                foreach (var term in Terms.OfType<string>())
                    foreach (var filter in new FigureFilter[] { new(), new() { Category = "anchor" }, new() { Status = "all" } })
                    {
                        var wide = filter with { Q = term };
                        var narrow = wide with { RegionCode = "510000" };
                        if (!await KeyOnly(wide, db)) continue; // read whole (张明华, luzhou_w)
                        Assert.True(await Wide(wide, db), $"{wide} is not read as a wide search");
                        Assert.False(await Wide(narrow, db));
                        for (var page = 1; ; page++)
                        {
                            var (a, b) = (await ListFigures.QueriesAsync(wide, db, page, 3), await ListFigures.QueriesAsync(narrow, db, page, 3));
                            var found = (await a.PageAsync()).Select(r => r.Id).ToList();
                            var expected = (await b.PageAsync()).Select(r => r.Id).ToList();
                            Assert.True(expected.SequenceEqual(found), $"{wide} page {page}: region-ordered [{string.Join(",", expected)}], name-ordered [{string.Join(",", found)}]");
                            Assert.Equal(await b.CountAsync(), await a.CountAsync());
                            pages++;
                            if (found.Count == 0) break;
                            withRows++;
                        }
                    }
            }
            return 0;
        });
        Assert.True(withRows >= 50, $"{pages} pages compared, {withRows} with rows");
    }
}

public sealed class ListPathAgreementTestsOnSqlite(SqliteApp app) : ListPathAgreementTests(app), IClassFixture<SqliteApp>;
public sealed class ListPathAgreementTestsOnPostgres(PostgresApp app) : ListPathAgreementTests(app), IClassFixture<PostgresApp>;
