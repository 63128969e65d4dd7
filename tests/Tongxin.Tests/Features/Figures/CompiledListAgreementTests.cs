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
/// The list runs its queries compiled (CompiledList), each shape's string placeholders in shared slots; the same
/// shapes as LINQ are what export and the dashboard run. Over the demo data, every combination of term, filter,
/// order, page and scope must give the same page and count both ways.
/// </summary>
public abstract class CompiledListAgreementTests(TestApp app)
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

    [Fact]
    public async Task Compiled_pages_and_counts_equal_the_same_queries_in_LINQ()
    {
        await SeedDemo();
        var (compared, withRows) = (0, 0);
        await app.WithDb(async (db, sp) =>
        {
            foreach (var scope in new IDataScope[] { UnrestrictedScope.Instance, new FixedScope(RegionRange.ForPrefix("5105")) })
            {
                sp.GetRequiredService<DataScopeHolder>().Use(scope);
                foreach (var term in Terms)
                    foreach (var filter in Filters)
                        foreach (var sort in Sorts)
                            foreach (var page in sort is null ? new[] { 1, 2 } : [1])
                            {
                                var asked = filter with { Q = term, Sort = sort };
                                var queries = await ListFigures.QueriesAsync(asked, db, page, 5);
                                Assert.True(queries.IsCompiled, $"{asked} did not run compiled");
                                var compiled = (await queries.PageAsync()).Select(r => r.Id).ToList();
                                var linq = (await queries.Page.ToListAsync()).Select(r => r.Id).ToList();
                                Assert.True(linq.SequenceEqual(compiled), $"{asked} page {page}: LINQ [{string.Join(",", linq)}], compiled [{string.Join(",", compiled)}]");
                                var (countCompiled, countLinq) = (await queries.CountAsync(), await queries.Count.CountAsync());
                                Assert.True(countLinq == countCompiled, $"{asked}: count LINQ {countLinq}, compiled {countCompiled}");
                                compared++;
                                if (compiled.Count > 0) withRows++;
                            }
            }
            return 0;
        });
        // Not a comparison of empty pages alone: many combinations find someone in the demo data.
        Assert.True(withRows > compared / 5, $"{withRows} of {compared} combinations had rows");
    }

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
                        Assert.Null(await KeyOnlySearch.ForAsync(viaFigures, db));
                        if (await KeyOnlySearch.ForAsync(fromKeys, db) is null) continue; // a term that must be read whole (张明华, luzhou_w)
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
                        if (await KeyOnlySearch.ForAsync(wide, db) is not { } shape) continue; // read whole (张明华, luzhou_w)
                        Assert.True(shape.Form.Wide, $"{wide} is not read as a wide search");
                        Assert.False((await KeyOnlySearch.ForAsync(narrow, db))!.Value.Form.Wide);
                        for (var page = 1; ; page++)
                        {
                            var (a, b) = (await ListFigures.QueriesAsync(wide, db, page, 3), await ListFigures.QueriesAsync(narrow, db, page, 3));
                            Assert.True(a.IsCompiled);
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

    /// <summary>A shape needing more than ten string parameters runs as LINQ, with the same answer.</summary>
    [Fact]
    public async Task A_shape_with_more_strings_than_slots_runs_as_LINQ()
    {
        await SeedDemo();
        await app.WithDb(async (db, _) =>
        {
            // Region (2), category, key level, platform, tag (4) and luzhou's handle and pinyin keys: on SQLite three
            // inline keys and a prefix range (5), eleven in all; PostgreSQL passes the keys as one array (eight).
            var filter = new FigureFilter { Q = "luzhou", RegionCode = "510500", Category = "anchor", KeyLevel = "city", Platform = "douyin", Tag = "公益" };
            var queries = await ListFigures.QueriesAsync(filter, db, 1, 20);
            Assert.Equal(db is not SqliteTongxinDb, queries.IsCompiled);
            Assert.Equal((await queries.Page.ToListAsync()).Select(r => r.Id), (await queries.PageAsync()).Select(r => r.Id));
            return 0;
        });
    }
}

public sealed class CompiledListAgreementTestsOnSqlite(SqliteApp app) : CompiledListAgreementTests(app), IClassFixture<SqliteApp>;
public sealed class CompiledListAgreementTestsOnPostgres(PostgresApp app) : CompiledListAgreementTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A compiled shape is kept for good; the context it was first built on must not be kept with it (a query root in
/// the tree remembers its provider, and so its context). On SQLite only: on PostgreSQL a context built this way
/// stayed reachable after a plain CountAsync too, without any compiled query, so the check would not isolate ours.
/// </summary>
public sealed class CompiledShapeContextTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_compiled_shape_does_not_keep_its_first_context()
    {
        var context = await FirstUseOfAShape();
        for (var i = 0; i < 5 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive);
    }

    // A shape no other test uses, first run on a context of its own (the app's come from EF's pool, which keeps
    // them), then disposed; a first context on the same options runs a plain query before.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<WeakReference> FirstUseOfAShape()
    {
        var connection = await app.WithDb((db, _) => Task.FromResult(db.Database.GetConnectionString()!));
        TongxinDb Open() => new SqliteTongxinDb(new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite(connection).Options,
            UnrestrictedScope.Instance, new CurrentActor());
        await using (var first = Open()) await first.Figures.CountAsync();
        return await UseAShape(Open());
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> UseAShape(TongxinDb db)
    {
        await using (db)
        {
            var queries = await ListFigures.QueriesAsync(new FigureFilter { FollowerTier = "1m", Tag = "非遗", Sort = "region", Q = "刘" }, db, 3, 7);
            Assert.True(queries.IsCompiled);
            await queries.PageAsync();
        }
        return new WeakReference(db);
    }
}
