namespace Tongxin.Bench;

/// <summary>
/// Realistic-looking synthetic data: surnames by their real frequency (a common surname like 王 covers
/// ~7%), two- and three-character names, a province's region tree, long-tailed follower counts.
/// </summary>
public sealed class SyntheticPeople(int seed)
{
    private readonly Random _rng = new(seed);

    // Approximate shares (per mille) of the most common surnames; the rest share the remainder.
    private static readonly (string Surname, int PerMille)[] Common =
    [
        ("王", 72), ("李", 71), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 23), ("赵", 22), ("吴", 20), ("周", 20),
        ("徐", 15), ("孙", 15), ("马", 14), ("朱", 13), ("胡", 12), ("郭", 11), ("何", 11), ("林", 10), ("高", 10), ("罗", 9),
    ];

    private static readonly string[] Rare =
    [
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
        "单", "欧阳", "上官", "司马", "诸葛", "解", "区", "仇", "查", "盖",
    ];

    private static readonly string Given =
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂逸晨宇浩欣怡梓涵子轩雨萱博文思佳嘉俊宏鹏飞婷雪琳晶玲倩颖斌辉鑫阳帆凯悦瑶可心然" +
        "志华建国春梅兰海波红霖毅锋泽铭昊睿航天成德兴福荣燕丹慧琴云彬楠蕾薇琪妍岚瑞祥坤鸿翔晓雯璐蓉莉晴诗语欢乐安宁";

    public string Name()
    {
        var roll = _rng.Next(1000);
        string surname = Rare[_rng.Next(Rare.Length)];
        var acc = 0;
        foreach (var (s, share) in Common)
        {
            acc += share;
            if (roll < acc) { surname = s; break; }
        }
        var given = Given[_rng.Next(Given.Length)].ToString();
        if (_rng.Next(10) < 7) given += Given[_rng.Next(Given.Length)];
        return surname + given;
    }

    /// <summary>Pareto-like: most accounts have a few thousand followers, a few have tens of millions.</summary>
    public long Followers()
    {
        var u = 1 - _rng.NextDouble();
        var value = 500 / Math.Pow(u, 1 / 0.8);
        return (long)Math.Min(value, 80_000_000);
    }

    public int Next(int max) => _rng.Next(max);
    public double NextDouble() => _rng.NextDouble();
    public T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];
}
