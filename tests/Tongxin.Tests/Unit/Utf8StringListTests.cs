using Tongxin.Features.Imports;

namespace Tongxin.Tests.Unit;

public class Utf8StringListTests
{
    [Fact]
    public void Gives_back_every_string_across_block_boundaries()
    {
        var list = new Utf8StringList();
        var expected = new List<string>();
        // ~3.5 MB of UTF-8: several blocks, with empty strings, Chinese, supplementary characters and long cells.
        for (var i = 0; i < 120_000; i++)
        {
            var s = (i % 7) switch
            {
                0 => "",
                1 => "王梓涵" + i,
                2 => "𠮷野家" + i,
                3 => new string('长', 10_000 + i % 100),
                _ => "5105021990" + i.ToString("0000000"),
            };
            if (i % 7 == 3 && i > 200) s = "x"; // a few long cells only
            list.Add(s);
            expected.Add(s);
        }
        Assert.Equal(expected.Count, list.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], list[i]);
    }
}
