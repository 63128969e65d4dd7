using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// A short term's page and count are read from the search keys alone, which carry the figure's status and
/// sort key: these must follow every rename and status change, or the list shows the wrong order or figures.
/// </summary>
public abstract class SearchKeyFreshnessTests(TestApp app)
{
    private static List<string> Names(System.Text.Json.Nodes.JsonNode page) => ApiClient.ItemNames(page);

    /// <summary>Every key row of the figure agrees with the figure row.</summary>
    private async Task AssertKeysMatchFigure(long id)
    {
        var (figure, keys) = await app.WithDb(async (db, _) =>
            (await db.Figures.SingleAsync(f => f.Id == id), await db.FigureSearchKeys.Where(k => k.FigureId == id).ToListAsync()));
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Equal(figure.SortKey, k.SortKey);
            Assert.Equal(figure.Status, k.Status);
            Assert.Equal(figure.RegionCode, k.RegionCode);
            Assert.Equal(figure.Category ?? "", k.Category);
        });
    }

    [Fact]
    public async Task A_rename_moves_the_figure_to_its_new_place_in_name_order()
    {
        var client = await app.As("staff_city");
        var renamed = await app.CreateFigure("staff_city", new { name = "安序新", regionCode = "510502" });
        await app.CreateFigure("staff_city", new { name = "赵序新", regionCode = "510502" });
        var url = "/api/figures?q=" + Uri.EscapeDataString("序新");
        Assert.Equal(["安序新", "赵序新"], Names(await client.GetJson(url)));

        var v = (await client.GetJson($"/api/figures/{renamed}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/figures/{renamed}", new { name = "周序新", regionCode = "510502", version = v })).StatusCode);

        // zhao < zhou: a key still holding "an xu xin" would keep the renamed figure first.
        Assert.Equal(["赵序新", "周序新"], Names(await client.GetJson(url)));
        Assert.Equal(["赵序新", "周序新"], Names(await client.GetJson(url + "&sort=region"))); // same region: by name
        await AssertKeysMatchFigure(renamed);
    }

    [Fact]
    public async Task A_withdrawn_figure_leaves_the_active_list_and_its_count()
    {
        var client = await app.As("staff_city");
        var leaving = await app.CreateFigure("staff_city", new { name = "撤检甲", regionCode = "510502" });
        await app.CreateFigure("staff_city", new { name = "撤检乙", regionCode = "510502" });
        var term = Uri.EscapeDataString("撤检");
        Assert.Equal(2, (await client.GetJson($"/api/figures?pageSize=1&q={term}"))["total"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/figures/{leaving}?status=left&reason=离开本地")).StatusCode);

        var active = await client.GetJson($"/api/figures?pageSize=1&q={term}");
        Assert.Equal(["撤检乙"], Names(active));
        Assert.Equal(1, active["total"]!.GetValue<int>());
        Assert.Equal(["撤检甲"], Names(await client.GetJson($"/api/figures?status=left&q={term}")));
        Assert.Equal(2, (await client.GetJson($"/api/figures?status=all&pageSize=1&q={term}"))["total"]!.GetValue<int>());
        await AssertKeysMatchFigure(leaving);
    }

    [Fact]
    public async Task A_figure_matching_several_keys_is_listed_and_counted_once()
    {
        var client = await app.As("staff_city");
        // "qiuyuxi" is both the pinyin of the name (a prefix range) and a word of the handle (an exact key).
        foreach (var name in new[] { "邱雨汐", "仇雨溪" })
        {
            var id = await app.CreateFigure("staff_city", new { name, regionCode = "510502" });
            await client.PostAsync($"/api/figures/{id}/accounts", new { platform = "douyin", handle = "qiuyuxi_daily", followers = 10 });
        }
        var first = await client.GetJson("/api/figures?pageSize=1&q=qiuyuxi");
        Assert.Equal(2, first["total"]!.GetValue<int>());
        var second = await client.GetJson("/api/figures?pageSize=1&page=2&q=qiuyuxi");
        var both = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(2, both.Distinct().Count());
        Assert.Empty(Names(await client.GetJson("/api/figures?pageSize=1&page=3&q=qiuyuxi")));
    }

    [Fact]
    public async Task A_category_change_moves_the_figure_between_a_terms_category_lists()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "类迁甲", regionCode = "510502", category = "anchor" });
        await app.CreateFigure("staff_city", new { name = "类迁乙", regionCode = "510502", category = "writer" });
        await app.CreateFigure("staff_city", new { name = "类迁丙", regionCode = "510502" });
        var url = "/api/figures?q=" + Uri.EscapeDataString("类迁");
        Assert.Equal(["类迁甲"], Names(await client.GetJson(url + "&category=anchor")));
        Assert.Equal(["类迁乙"], Names(await client.GetJson(url + "&category=writer")));
        Assert.Equal(1, (await client.GetJson(url + "&category=writer"))["total"]!.GetValue<int>());
        Assert.Equal(3, (await client.GetJson(url))["total"]!.GetValue<int>());

        var v = (await client.GetJson($"/api/figures/{id}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/figures/{id}", new { name = "类迁甲", regionCode = "510502", category = "writer", version = v })).StatusCode);

        // A key still holding "anchor" would keep the figure in the first list and out of the second.
        Assert.Empty(Names(await client.GetJson(url + "&category=anchor")));
        Assert.Equal(["类迁甲", "类迁乙"], Names(await client.GetJson(url + "&category=writer")));
        Assert.Equal(2, (await client.GetJson(url + "&category=writer"))["total"]!.GetValue<int>());
        await AssertKeysMatchFigure(id);
    }

    [Fact]
    public async Task A_move_to_another_region_takes_the_keys_along()
    {
        var client = await app.As("staff_city");
        var id = await app.CreateFigure("staff_city", new { name = "迁区测", regionCode = "510502" });
        var v = (await client.GetJson($"/api/figures/{id}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/figures/{id}", new { name = "迁区测", regionCode = "510503", version = v })).StatusCode);
        var url = "/api/figures?q=" + Uri.EscapeDataString("迁区");
        Assert.Empty(Names(await client.GetJson(url + "&regionCode=510502")));
        Assert.Equal(["迁区测"], Names(await client.GetJson(url + "&regionCode=510503")));
        await AssertKeysMatchFigure(id);
    }
}

public sealed class SearchKeyFreshnessTestsOnSqlite(SqliteApp app) : SearchKeyFreshnessTests(app), IClassFixture<SqliteApp>;
public sealed class SearchKeyFreshnessTestsOnPostgres(PostgresApp app) : SearchKeyFreshnessTests(app), IClassFixture<PostgresApp>;
