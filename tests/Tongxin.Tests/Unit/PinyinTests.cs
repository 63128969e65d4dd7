using Tongxin.Common.Text;

namespace Tongxin.Tests.Unit;

public class PinyinTests
{
    private static bool Finds(string name, string query) =>
        Pinyin.SearchKeys(name).Any(k => k.StartsWith(Pinyin.NormalizeQuery(query), StringComparison.Ordinal));

    [Theory]
    [InlineData("wy")]
    [InlineData("wangyi")]
    [InlineData("yi")]
    [InlineData("wangy")]
    [InlineData("wyi")]
    [InlineData("w")]
    [InlineData("y")]
    [InlineData("wang")]
    public void Wang_yi_is_found_from_surname_and_given_name(string query) =>
        Assert.True(Finds("王逸", query), string.Join(", ", Pinyin.SearchKeys("王逸")));

    [Theory]
    [InlineData("wangyifei")]
    [InlineData("wyf")]
    [InlineData("wangyf")]
    [InlineData("wyifei")]
    [InlineData("yifei")]
    [InlineData("yf")]
    [InlineData("yif")]
    public void Three_character_name_is_found_by_every_full_and_initial_mix(string query) =>
        Assert.True(Finds("王逸飞", query), string.Join(", ", Pinyin.SearchKeys("王逸飞")));

    [Theory]
    [InlineData("fei")]
    [InlineData("wf")]
    [InlineData("yw")]
    [InlineData("wangfei")]
    public void Queries_that_skip_or_reorder_characters_do_not_match(string query) =>
        Assert.False(Finds("王逸飞", query));

    [Fact]
    public void Keys_that_are_prefixes_of_other_keys_are_left_out()
    {
        var keys = Pinyin.SearchKeys("王逸");
        Assert.Equal(["wangyi", "wyi", "yi"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_keys_are_lower_case_ascii()
    {
        foreach (var name in new[] { "吕布", "欧阳修", "单雄信", "Zhang San", "李ＡＢ", "阿依古丽·买买提" })
        {
            foreach (var key in Pinyin.SearchKeys(name))
            {
                Assert.Matches("^[a-z0-9]+$", key);
            }
        }
    }

    [Theory]
    [InlineData("单雄信", "shanxiongxin")]
    [InlineData("单雄信", "sxx")]
    [InlineData("曾国藩", "zengguofan")]
    [InlineData("曾国藩", "zgf")]
    [InlineData("解缙", "xiejin")]
    [InlineData("区志强", "ouzhiqiang")]
    [InlineData("仇英", "qiuying")]
    [InlineData("朴槿惠", "piaojinhui")]
    [InlineData("查良镛", "zhaliangyong")]
    [InlineData("盖聂", "genie")]
    public void Surname_readings_are_used_for_the_surname(string name, string query) =>
        Assert.True(Finds(name, query), string.Join(", ", Pinyin.SearchKeys(name)));

    [Fact]
    public void Everyday_reading_of_a_surname_is_kept_as_a_fallback()
    {
        Assert.True(Finds("单雄信", "danxiongxin"));
        Assert.StartsWith("shan ", Pinyin.SortKey("单雄信"));
    }

    [Fact]
    public void Single_character_dan_is_read_dan_when_it_is_not_a_surname() =>
        Assert.Equal("dan", Pinyin.SortKey("单"));

    [Fact]
    public void Compound_surname_ouyang_is_one_surname()
    {
        Assert.Equal(("欧阳", "修"), Pinyin.SplitName("欧阳修"));
        Assert.True(Finds("欧阳修", "ouyangxiu"));
        Assert.True(Finds("欧阳修", "oyx"));
        Assert.True(Finds("欧阳修", "xiu"));
        // The given name starts after the whole compound surname, not at 阳.
        Assert.False(Finds("欧阳修", "yangxiu"));
    }

    [Theory]
    [InlineData("尉迟恭", "yuchigong", "ycg")]
    [InlineData("万俟卨", "moqixie", "mqx")]
    [InlineData("长孙无忌", "zhangsunwuji", "zswj")]
    [InlineData("令狐冲", "linghuchong", "lhc")]
    [InlineData("上官婉儿", "shangguanwaner", "sgwe")]
    [InlineData("司马光", "simaguang", "smg")]
    [InlineData("诸葛亮", "zhugeliang", "zgl")]
    public void Compound_surnames_use_their_surname_readings(string name, string full, string initials)
    {
        Assert.True(Finds(name, full), string.Join(", ", Pinyin.SearchKeys(name)));
        Assert.True(Finds(name, initials));
        Assert.Equal(initials, Pinyin.Initials(name));
    }

    [Fact]
    public void Two_character_name_spelling_a_compound_surname_is_surname_plus_given_name() =>
        Assert.Equal(("欧", "阳"), Pinyin.SplitName("欧阳"));

    [Fact]
    public void Lv_is_written_with_v()
    {
        Assert.Equal(["lv"], Pinyin.Readings('吕'));
        Assert.Equal("lv bu", Pinyin.SortKey("吕布"));
        Assert.True(Finds("吕布", "lvbu"));
        Assert.True(Finds("吕布", "lüb"));
    }

    [Fact]
    public void Readings_of_polyphonic_character_list_the_common_one_first()
    {
        var readings = Pinyin.Readings('行');
        Assert.Equal("xing", readings[0]);
        Assert.Contains("hang", readings);
    }

    [Fact]
    public void Readings_of_non_cjk_character_are_empty() => Assert.Empty(Pinyin.Readings('A'));

    [Fact]
    public void Surname_reading_is_available_for_single_and_compound_surnames()
    {
        Assert.Equal(["shan"], Pinyin.SurnameReading("单"));
        Assert.Equal(["zeng"], Pinyin.SurnameReading("曾"));
        Assert.Equal(["ou", "yang"], Pinyin.SurnameReading("欧阳"));
        Assert.Null(Pinyin.SurnameReading("逸飞"));
    }

    [Fact]
    public void Zh_ch_sh_initials_give_both_one_and_two_letter_forms()
    {
        Assert.True(Finds("张三丰", "zsf"));
        Assert.True(Finds("张三丰", "zhsf"));
        Assert.True(Finds("张三丰", "zhangsf"));
        Assert.True(Finds("常书鸿", "cshh"));
        Assert.True(Finds("常书鸿", "chshh"));
    }

    [Fact]
    public void Polyphonic_given_name_characters_get_a_second_reading()
    {
        // 乐 reads le or yue; a user may try either.
        Assert.True(Finds("张乐", "zhangle"));
        Assert.True(Finds("张乐", "zhangyue"));
    }

    [Fact]
    public void Variants_are_capped_per_starting_point()
    {
        var name = "长乐重行长乐重行";
        Assert.True(Pinyin.SearchKeys(name, maxVariants: 4).Count <= 8);
        Assert.True(Pinyin.SearchKeys(name).Count <= 32);
    }

    [Fact]
    public void Minority_names_can_be_searched_after_the_dot()
    {
        Assert.True(Finds("阿依古丽·买买提", "mmt"));
        Assert.True(Finds("阿依古丽·买买提", "aygl"));
    }

    [Fact]
    public void Latin_letters_in_names_are_kept_as_words()
    {
        Assert.Equal("zhang san", Pinyin.SortKey(" Zhang  San "));
        Assert.True(Finds("Zhang San", "san"));
    }

    [Fact]
    public void Characters_without_readings_stay_whole_in_the_sort_key_and_are_skipped_in_search_keys()
    {
        // 𠀀 (U+20000) is outside the table and outside the BMP.
        Assert.Equal("wang \U00020000", Pinyin.SortKey("王\U00020000"));
        Assert.All(Pinyin.SearchKeys("王\U00020000明"), k => Assert.Matches("^[a-z]+$", k));
        Assert.True(Finds("王\U00020000明", "wangming"));
    }

    [Fact]
    public void Empty_names_give_no_keys()
    {
        Assert.Empty(Pinyin.SearchKeys(null));
        Assert.Empty(Pinyin.SearchKeys("  "));
        Assert.Equal("", Pinyin.SortKey(null));
    }

    [Fact]
    public void Sort_key_orders_common_surnames_alphabetically()
    {
        string[] names = ["张三", "王逸", "阿明", "李四"];
        var sorted = names.OrderBy(Pinyin.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["阿明", "李四", "王逸", "张三"], sorted);
    }

    [Fact]
    public void Sort_key_puts_shorter_syllable_first()
    {
        // li < lian: syllables are separated by a space, which sorts before letters.
        string[] names = ["连杰", "李娜", "李安"];
        var sorted = names.OrderBy(Pinyin.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["李安", "李娜", "连杰"], sorted);
    }

    [Fact]
    public void Sort_key_uses_surname_reading()
    {
        Assert.Equal("zeng guo fan", Pinyin.SortKey("曾国藩"));
        Assert.Equal("ou yang xiu", Pinyin.SortKey("欧阳修"));
        Assert.Equal("wang yi", Pinyin.SortKey("王逸"));
    }

    [Fact]
    public void Sort_key_is_deterministic_and_ignores_width_and_spacing() =>
        Assert.Equal(Pinyin.SortKey("王逸"), Pinyin.SortKey("　王 逸 "));

    [Theory]
    [InlineData(" Wang Yi ", "wangyi")]
    [InlineData("xi'an", "xian")]
    [InlineData("LÜ", "lv")]
    [InlineData("lǚ bù", "lvbu")]
    [InlineData("ｗａｎｇ", "wang")]
    [InlineData("wáng yì", "wangyi")]
    [InlineData(null, "")]
    public void Normalize_query(string? input, string expected) => Assert.Equal(expected, Pinyin.NormalizeQuery(input));

    [Fact]
    public void Table_covers_the_whole_common_cjk_block()
    {
        var missing = 0;
        for (var c = '\u4E00'; c <= '\u9FA5'; c++)
        {
            if (Pinyin.Readings(c).Count == 0)
            {
                missing++;
            }
        }

        // pinyin-pro lacks readings for a handful of obscure characters only.
        Assert.True(missing < 50, $"{missing} characters without readings");
    }
}
