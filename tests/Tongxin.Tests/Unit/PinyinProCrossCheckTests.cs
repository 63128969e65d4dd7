using Tongxin.Common.Text;

namespace Tongxin.Tests.Unit;

/// <summary>
/// Compares the C# pinyin with pinyin-pro's surname-mode output for 200 names; the fixture is written
/// by scripts/pinyin/generate.mjs together with the readings table.
/// </summary>
public class PinyinProCrossCheckTests
{
    private const string FixtureName = "pinyin-pro-samples.tsv";

    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(FindFixture()))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    [Fact]
    public void Fixture_has_200_names() => Assert.Equal(200, Samples().Count());

    [Theory]
    [MemberData(nameof(Samples))]
    public void First_choice_pinyin_matches_pinyin_pro(string name, string fullPinyin, string initials)
    {
        Assert.Equal(fullPinyin, Pinyin.SortKey(name));
        Assert.Equal(fullPinyin.Split(' '), Pinyin.Syllables(name));
        Assert.Equal(initials, Pinyin.Initials(name));

        // And the search keys find the name by both forms.
        var keys = Pinyin.SearchKeys(name);
        Assert.Contains(keys, k => k.StartsWith(fullPinyin.Replace(" ", ""), StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(initials, StringComparison.Ordinal));
    }

    // Copied next to the test assembly by the test project; the walk up covers runs from the source tree.
    private static string FindFixture()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Unit", FixtureName);
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Tongxin.Tests", "Unit", FixtureName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FixtureName} not found; is it copied to the output directory?");
    }
}
