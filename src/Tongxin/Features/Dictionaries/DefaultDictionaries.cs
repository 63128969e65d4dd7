namespace Tongxin.Features.Dictionaries;

/// <summary>The code lists a new installation starts with; staff edit them afterwards without code.</summary>
public static class DefaultDictionaries
{
    public static readonly IReadOnlyDictionary<string, string> TypeLabels = new Dictionary<string, string>
    {
        ["category"] = "人士类别",
        ["platform"] = "平台",
        ["ethnicity"] = "民族",
        ["politicalAffiliation"] = "政治面貌",
        ["education"] = "学历",
        ["keyLevel"] = "重点人士级别",
        ["source"] = "发现与推荐方式",
        ["positionKind"] = "政治及社会身份",
        ["positionLevel"] = "职务级别",
        ["honourLevel"] = "荣誉级别",
        ["organizationType"] = "单位类型",
        ["field"] = "领域",
        ["contactWay"] = "联系方式",
        ["contactRule"] = "联系频次（天）",
    };

    private static readonly string[] Ethnicities =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ];

    /// <summary>(type, code, label) in display order.</summary>
    public static IEnumerable<(string Type, string Code, string Label)> All()
    {
        foreach (var (code, label) in new[]
                 {
                     ("bigv", "网络大V"), ("anchor", "主播"), ("selfmedia", "自媒体大号负责人"), ("writer", "网络作家"),
                     ("newmedia", "新媒体从业人员"), ("executive", "网络企业负责人"), ("tech", "网络技术人员"),
                     ("ecommerce", "电商从业者"), ("mcn", "MCN机构负责人"), ("other", "其他"),
                 })
            yield return ("category", code, label);
        foreach (var (code, label) in new[]
                 {
                     ("douyin", "抖音"), ("kuaishou", "快手"), ("weibo", "微博"), ("wechat-mp", "微信公众号"),
                     ("wechat-channels", "微信视频号"), ("bilibili", "B站"), ("xiaohongshu", "小红书"),
                     ("toutiao", "今日头条"), ("taobao-live", "淘宝直播"), ("zhihu", "知乎"), ("other", "其他"),
                 })
            yield return ("platform", code, label);
        var i = 0;
        foreach (var e in Ethnicities) yield return ("ethnicity", (++i).ToString("00"), e);
        foreach (var (code, label) in new[]
                 {
                     ("01", "中共党员"), ("02", "中共预备党员"), ("03", "共青团员"), ("04", "民革党员"), ("05", "民盟盟员"),
                     ("06", "民建会员"), ("07", "民进会员"), ("08", "农工党党员"), ("09", "致公党党员"), ("10", "九三学社社员"),
                     ("11", "台盟盟员"), ("12", "无党派人士"), ("13", "群众"),
                 })
            yield return ("politicalAffiliation", code, label);
        foreach (var (code, label) in new[]
                 {
                     ("doctor", "博士研究生"), ("master", "硕士研究生"), ("bachelor", "大学本科"), ("college", "大学专科"),
                     ("highschool", "高中/中专"), ("below", "初中及以下"),
                 })
            yield return ("education", code, label);
        yield return ("keyLevel", "city", "市级重点");
        yield return ("keyLevel", "district", "区级重点");
        foreach (var (code, label) in new[] { ("org", "组织推荐"), ("personal", "个人推荐"), ("self", "自荐"), ("found", "工作发现") })
            yield return ("source", code, label);
        foreach (var (code, label) in new[]
                 {
                     ("npc", "人大代表"), ("cppcc", "政协委员"), ("fic", "工商联职务"), ("mass-org", "群团组织职务"),
                     ("association", "协会职务"), ("supervisor", "特约监督员"), ("other", "其他"),
                 })
            yield return ("positionKind", code, label);
        foreach (var (code, label) in new[] { ("national", "全国"), ("province", "省级"), ("city", "市级"), ("district", "区县级"), ("township", "乡镇级") })
        {
            yield return ("positionLevel", code, label);
            yield return ("honourLevel", code, label);
        }
        foreach (var (code, label) in new[]
                 {
                     ("company", "网络企业"), ("platform", "网络平台"), ("mcn", "MCN机构"), ("incubator", "孵化基地"),
                     ("demo-base", "示范基地"), ("practice-base", "实践创新基地"), ("other", "其他"),
                 })
            yield return ("organizationType", code, label);
        foreach (var label in new[] { "文化旅游", "美食", "三农", "科技数码", "教育", "财经", "时政评论", "生活", "体育", "健康", "电商带货", "游戏动漫" })
            yield return ("field", label, label);
        foreach (var item in Liaison()) yield return item;
    }

    /// <summary>How contacts are made (联系方式) and how often, in days, a figure of each key level is to be contacted.</summary>
    public static IEnumerable<(string Type, string Code, string Label)> Liaison()
    {
        foreach (var (code, label) in new[]
                 {
                     ("visit", "走访"), ("meeting", "座谈"), ("phone", "电话"), ("wechat", "微信"), ("event", "活动中交流"), ("other", "其他"),
                 })
            yield return ("contactWay", code, label);
        // Codes are key-level codes (none: figures without a level); labels are numbers of days.
        yield return ("contactRule", "city", "90");
        yield return ("contactRule", "district", "180");
        yield return ("contactRule", "none", "365");
    }
}
