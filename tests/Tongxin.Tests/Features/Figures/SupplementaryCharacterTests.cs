using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// Names with characters outside the BMP (𠮷 U+20BB7 is two UTF-16 units) are saved and found like any other:
/// a search key cut between the two halves would be no character at all, and every such half stores as U+FFFD,
/// so two different halves collided on the key's unique index and the figure could not be saved.
/// </summary>
public abstract class SupplementaryCharacterTests(TestApp app)
{
    private static List<string> Names(System.Text.Json.Nodes.JsonNode page) =>
        ApiClient.ItemNames(page).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_name_with_a_supplementary_character_is_saved_and_found_by_its_parts()
    {
        var client = await app.As("staff_city");
        var first = await app.CreateFigure("staff_city", new { name = "𠮷田润", regionCode = "510502" });
        await app.CreateFigure("staff_city", new { name = "王𠮷", regionCode = "510502" });

        async Task<List<string>> Search(string q) => Names(await client.GetJson("/api/figures?q=" + Uri.EscapeDataString(q)));
        Assert.Equal(["王𠮷", "𠮷田润"], await Search("𠮷"));
        Assert.Equal(["𠮷田润"], await Search("𠮷田"));
        Assert.Equal(["𠮷田润"], await Search("𠮷田润"));
        Assert.Equal(["王𠮷"], await Search("王𠮷"));
        Assert.Equal(["𠮷田润"], await Search("田润"));

        var keys = await app.WithDb((db, _) => db.FigureSearchKeys.Where(k => k.FigureId == first).Select(k => k.Key).ToListAsync());
        Assert.Contains("n:𠮷", keys);
        Assert.Contains("n:𠮷田", keys);
        Assert.DoesNotContain(keys, k => k.Contains('\uFFFD') || k.Any(char.IsSurrogate) && !HasOnlyPairs(k));

        // A rename rebuilds the keys through the other path (FigureSearchIndexer.RebuildAsync).
        var v = (await client.GetJson($"/api/figures/{first}"))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/figures/{first}", new { name = "田𠮷𠮷", regionCode = "510502", version = v })).StatusCode);
        Assert.Equal(["田𠮷𠮷"], await Search("𠮷𠮷"));
        Assert.Equal(["田𠮷𠮷"], await Search("田𠮷𠮷"));
    }

    [Fact]
    public void Keys_are_cut_in_code_points()
    {
        var keys = FigureSearchIndexer.KeysFor("𠮷田", [], [], ["𠮷野家"], []);
        Assert.Contains("n:𠮷", keys);
        Assert.Contains("n:𠮷田", keys);
        Assert.Contains("n:田", keys);
        Assert.Contains("o:𠮷野", keys);
        Assert.All(keys, k => Assert.True(HasOnlyPairs(k), k));

        var plan = FigureSearch.For("田𠮷花")!;
        Assert.Contains("n:田𠮷", plan.ExactKeys);
        Assert.Equal("田𠮷花", plan.NameContains);
        Assert.Contains("n:𠮷", FigureSearch.For("𠮷")!.ExactKeys);
    }

    private static bool HasOnlyPairs(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("a😀")]
    [InlineData("王😀")]
    [InlineData("\ud83d")]
    [InlineData("x\u0301\u0301")]
    [InlineData("\u0000\u0007")]
    [InlineData("👨‍👩‍👧")]
    public async Task A_search_for_any_text_answers_never_500(string q)
    {
        var client = await app.As("staff_city");
        foreach (var sort in new[] { "", "&sort=-followers", "&sort=-enrolledOn" })
        {
            var response = await client.GetAsync("/api/figures?q=" + Uri.EscapeDataString(q) + sort);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"q={q}{sort}: {(int)response.StatusCode}");
        }
    }
}

public sealed class SupplementaryCharacterTestsOnSqlite(SqliteApp app) : SupplementaryCharacterTests(app), IClassFixture<SqliteApp>;
public sealed class SupplementaryCharacterTestsOnPostgres(PostgresApp app) : SupplementaryCharacterTests(app), IClassFixture<PostgresApp>;
