using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// The list with a filter beyond the search term picks a page's ids first and reads only those figures
/// (<c>ListFigures.PageOf</c>): the pages, laid end to end, must be the one long list in every order, and the
/// key-figure filter (served by its own partial index) must keep its meaning.
/// </summary>
public abstract class FilterPathPagingTests(TestApp app)
{
    private static readonly (string Name, string? KeyLevel, string EnrolledOn)[] People =
    [
        ("张分页", "city", "2024-03-01"), ("阿分页", "district", "2024-01-15"), ("李分页", "city", "2024-05-20"),
        ("周分页", "district", "2023-11-02"), ("陈分页", "city", "2024-02-10"), ("王分页", null, "2024-04-01"),
    ];

    private async Task EnsurePeople()
    {
        var client = await app.As("staff_nx");
        var existing = ApiClient.ItemNames(await client.GetJson("/api/figures?regionCode=510503&pageSize=100&q=" + Uri.EscapeDataString("分页")));
        foreach (var p in People.Where(p => !existing.Contains(p.Name)))
            await app.CreateFigure("staff_nx", new { name = p.Name, regionCode = "510503", keyLevel = p.KeyLevel, enrolledOn = p.EnrolledOn });
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-enrolledOn")]
    [InlineData("region")]
    [InlineData("-followers")]
    public async Task Pages_of_key_figures_laid_end_to_end_are_the_whole_list(string sort)
    {
        await EnsurePeople();
        var client = await app.As("staff_nx");
        var query = $"/api/figures?regionCode=510503&keyLevel=any&sort={sort}";
        var whole = await client.GetJson(query + "&pageSize=100");
        var all = ApiClient.ItemNames(whole);
        Assert.Equal(all.Count, whole["total"]!.GetValue<int>());
        Assert.DoesNotContain("王分页", all);

        var paged = new List<string>();
        for (var page = 1; page <= (all.Count + 1) / 2 + 1; page++)
            paged.AddRange(ApiClient.ItemNames(await client.GetJson(query + $"&pageSize=2&page={page}")));
        Assert.Equal(all, paged);

        var mine = all.Where(n => n.EndsWith("分页")).ToList();
        var expected = sort switch
        {
            "name" or "region" => ["阿分页", "陈分页", "李分页", "张分页", "周分页"],
            "-enrolledOn" => People.Where(p => p.KeyLevel is not null).OrderByDescending(p => p.EnrolledOn).Select(p => p.Name).ToList(),
            // No followers: the id breaks the tie, and the ids follow the order the people were created in.
            _ => People.Where(p => p.KeyLevel is not null).Select(p => p.Name).ToList(),
        };
        Assert.Equal(expected, mine);
    }

    [Theory]
    [InlineData("keyLevel=any&sort=bogus")]
    [InlineData("q=%E7%8E%8B&sort=bogus")]
    [InlineData("sort=-name")]
    public async Task An_unknown_order_is_a_field_error(string query)
    {
        var client = await app.As("staff_nx");
        var problem = await ApiClient.ReadJson(await client.GetAsync("/api/figures?" + query), HttpStatusCode.BadRequest);
        Assert.Equal("排序方式无效", problem["errors"]!["sort"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_levels_narrow_and_another_region_sees_none()
    {
        await EnsurePeople();
        var nx = await app.As("staff_nx");
        var city = ApiClient.ItemNames(await nx.GetJson("/api/figures?regionCode=510503&keyLevel=city&pageSize=100"));
        Assert.Equal(["陈分页", "李分页", "张分页"], city.Where(n => n.EndsWith("分页")));
        var other = await app.As("staff_cd");
        var seen = ApiClient.ItemNames(await other.GetJson("/api/figures?keyLevel=any&pageSize=100"));
        Assert.DoesNotContain(seen, n => n.EndsWith("分页"));
    }
}

public sealed class FilterPathPagingTestsOnSqlite(SqliteApp app) : FilterPathPagingTests(app), IClassFixture<SqliteApp>;
public sealed class FilterPathPagingTestsOnPostgres(PostgresApp app) : FilterPathPagingTests(app), IClassFixture<PostgresApp>;
