using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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
    private static readonly string?[] Terms = [null, "王", "李伟", "张明华", "wzh", "luzhou", "传媒", "无此人"];

    private static readonly FigureFilter[] Filters =
    [
        new(), new() { Category = "anchor" }, new() { KeyLevel = "any" }, new() { KeyLevel = "city" }, new() { Platform = "douyin" },
        new() { FollowerTier = "10k" }, new() { Tag = "公益" }, new() { Status = "all" }, new() { RegionCode = "510502" },
        new() { Category = "selfmedia", KeyLevel = "any", Platform = "kuaishou", FollowerTier = "10k", Tag = "青年", RegionCode = "510500", Status = "all" },
    ];

    private static readonly string?[] Sorts = [null, "-followers", "-enrolledOn", "region"];

    [Fact]
    public async Task Compiled_pages_and_counts_equal_the_same_queries_in_LINQ()
    {
        await app.WithDb(async (db, sp) =>
        {
            if (!await db.Figures.AnyAsync(f => f.IsDemo)) await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None);
            return 0;
        });
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
}

public sealed class CompiledListAgreementTestsOnSqlite(SqliteApp app) : CompiledListAgreementTests(app), IClassFixture<SqliteApp>;
public sealed class CompiledListAgreementTestsOnPostgres(PostgresApp app) : CompiledListAgreementTests(app), IClassFixture<PostgresApp>;
