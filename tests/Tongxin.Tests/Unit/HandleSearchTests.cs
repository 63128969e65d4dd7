using Tongxin.Features.Figures;

namespace Tongxin.Tests.Unit;

/// <summary>Handle search rules: whole words by exact key, several words by a narrowing word plus "contains".</summary>
public class HandleSearchTests
{
    // The plan evaluated in memory as the database would: a key hit, then the optional filters.
    private static bool Finds(string handle, string query, string name = "赵某")
    {
        var plan = FigureSearch.For(query)!;
        var keys = FigureSearchIndexer.KeysFor(name, [], [handle.ToLowerInvariant()], [], []);
        var hit = plan.ExactKeys.Any(keys.Contains)
            || plan.Prefix is { } r && keys.Any(k => string.CompareOrdinal(k, r.Low) >= 0 && string.CompareOrdinal(k, r.High) < 0);
        if (plan.NameContains is { } term) hit &= name.Contains(term) || handle.ToLowerInvariant().Contains(term);
        if (plan.HandleContains is { } h) hit &= handle.ToLowerInvariant().Contains(h);
        return hit;
    }

    [Theory]
    [InlineData("luzhou_meishi88", "luzhou")]
    [InlineData("luzhou_meishi88", "meishi")]
    [InlineData("luzhou_meishi88", "MeiShi")]
    [InlineData("luzhou_meishi88", "88")]
    [InlineData("luzhou_meishi88", "meishi88")]
    [InlineData("luzhou_meishi88", "luzhou_meishi88")]
    [InlineData("luzhou_meishi88", "luzhou_mei")]
    [InlineData("luzhou_wangyi", "luzhou_w")]
    [InlineData("vlog王12", "vlog")]
    [InlineData("vlog王12", "王")]
    [InlineData("小王说美食", "说")]
    [InlineData("小王说美食", "王说")]
    [InlineData("小王说美食", "王说美食")]
    [InlineData("小王vlog", "小王vlog")]
    public void Finds_a_handle_by_its_words(string handle, string query) =>
        Assert.True(Finds(handle, query), $"{query} should find {handle}");

    [Theory]
    [InlineData("luzhou_meishi88", "luzh")] // a word is matched whole, not by prefix
    [InlineData("luzhou_meishi88", "zhou")]
    [InlineData("luzhou_meishi88", "meishi_luzhou")]
    [InlineData("luzhou_meishi88", "luzhou_x")]
    [InlineData("小王说美食", "王美")]
    public void Does_not_find_a_handle_without_the_words(string handle, string query) =>
        Assert.False(Finds(handle, query), $"{query} should not find {handle}");

    [Fact]
    public void Handle_words_are_letter_runs_digit_runs_and_chinese_grams() =>
        Assert.Equal(["luzhou", "meishi", "88", "王", "王说", "说"], HandleWords.Of("luzhou_meishi88王说7"));

    [Fact]
    public void Every_handle_look_up_is_an_exact_key()
    {
        foreach (var q in new[] { "luzhou", "luzhou_w", "小王vlog", "王", "meishi88" })
            Assert.False(FigureSearch.For(q)!.Prefix?.Low.StartsWith("h:") ?? false, q);
    }
}
