namespace Tongxin.Common.Validation;

/// <summary>
/// The one place that says how long a text may be. <see cref="TextLimitFilter"/> applies it to every string a request
/// carries (query parameters and JSON fields, nested and in lists) before a handler runs, and the entity configurations
/// take their column lengths from the same constants, so the API and the database agree. A feature's own rule may be
/// stricter (a figure's name is 50); none is looser.
/// </summary>
public static class TextLimits
{
    public const int Code = 50;
    public const int Date = 20;
    public const int Phone = 30;
    public const int Person = 50;
    public const int Handle = 100;
    public const int Label = 100;
    public const int Name = 200;
    public const int Title = 500;
    public const int Address = 200;
    public const int Url = 500;
    public const int Reason = 500;
    public const int Offers = 1000;
    public const int Text = 2000;
    public const int LongText = 4000;
    public const int Body = 10_000;
    public const int Password = 128;
    /// <summary>A JSON document sent as one form field (an import's column mappings).</summary>
    public const int Document = 20_000;
    /// <summary>A search term or any other query parameter without a limit of its own.</summary>
    public const int Query = 100;

    /// <summary>Limit and Chinese label of every text field by its JSON (camelCase) name.</summary>
    private static readonly Dictionary<string, (int Max, string Label)> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = (Query, "搜索词"),
        ["name"] = (Name, "名称"),
        ["userName"] = (Person, "用户名"),
        ["displayName"] = (Label, "姓名"),
        ["password"] = (Password, "密码"),
        ["currentPassword"] = (Password, "当前密码"),
        ["newPassword"] = (Password, "新密码"),
        ["totpCode"] = (Code, "验证码"),
        ["code"] = (Label, "代码"),
        ["regionCode"] = (Code, "地区代码"),
        ["parentCode"] = (Code, "上级地区代码"),
        ["importerRegion"] = (Code, "地区代码"),
        ["title"] = (Title, "标题"),
        ["reason"] = (Reason, "原因"),
        ["summary"] = (LongText, "内容摘要"),
        ["text"] = (Text, "内容"),
        ["description"] = (Text, "说明"),
        ["body"] = (Body, "正文"),
        ["problems"] = (LongText, "存在问题"),
        ["plans"] = (LongText, "下步打算"),
        ["followUp"] = (Text, "后续事项"),
        ["participants"] = (Reason, "参加人员"),
        ["notes"] = (Text, "备注"),
        ["value"] = (Text, "内容"),
        ["kind"] = (Code, "类型"),
        ["type"] = (Code, "类型"),
        ["level"] = (Code, "级别"),
        ["category"] = (Code, "类别"),
        ["way"] = (Code, "联系方式"),
        ["urgency"] = (Code, "紧急程度"),
        ["satisfaction"] = (Code, "满意度"),
        ["platform"] = (Code, "平台"),
        ["source"] = (Code, "来源"),
        ["gender"] = (Code, "性别"),
        ["receivedVia"] = (Code, "受理渠道"),
        ["quarter"] = (Code, "季度"),
        ["mode"] = (Code, "方式"),
        ["field"] = (Code, "字段"),
        ["status"] = (Code, "状态"),
        ["sort"] = (Code, "排序"),
        ["role"] = (Label, "职务"),
        ["roles"] = (Code, "角色"),
        ["ethnicity"] = (Code, "民族"),
        ["politicalAffiliation"] = (Code, "政治面貌"),
        ["education"] = (Code, "学历"),
        ["keyLevel"] = (Code, "重点人士级别"),
        ["handle"] = (Handle, "账号"),
        ["url"] = (Url, "主页链接"),
        ["phone"] = (Phone, "电话"),
        ["liaisonPhone"] = (Phone, "联系电话"),
        ["idNumber"] = (Phone, "身份证号"),
        ["creditCode"] = (Phone, "统一社会信用代码"),
        ["liaisonOfficer"] = (Person, "联系人"),
        ["contact"] = (Person, "联系人"),
        ["address"] = (Address, "地址"),
        ["homeAddress"] = (Address, "家庭住址"),
        ["baseOffers"] = (Offers, "基地可提供内容"),
        ["organization"] = (Name, "任职单位"),
        ["issuer"] = (Name, "授予单位"),
        ["workplace"] = (Name, "工作单位"),
        ["jobTitle"] = (Label, "职务"),
        ["fields"] = (Name, "领域"),
        ["recommendedBy"] = (Label, "推荐人/单位"),
        ["email"] = (Label, "电子邮箱"),
        ["weChat"] = (Person, "微信号"),
        ["tags"] = (Code, "标签"),
        ["termStart"] = (Date, "任职开始时间"),
        ["termEnd"] = (Date, "任职结束时间"),
        ["awardedOn"] = (Date, "获得时间"),
        ["birthDate"] = (Date, "出生日期"),
        ["enrolledOn"] = (Date, "入库时间"),
        ["date"] = (Date, "日期"),
        ["alias"] = (Code, "别名"),
        ["aliases"] = (Code, "别名"),
        ["label"] = (Label, "名称"),
        ["consentVersion"] = (Code, "同意书版本"),
        ["deadlineText"] = (Code, "完成时限"),
        ["cadreUserId"] = (Label, "联络干部"),
        ["fromCadreUserId"] = (Label, "原联络干部"),
        ["toCadreUserId"] = (Label, "新联络干部"),
        ["userKey"] = (Label, "用户"),
        ["mappings"] = (Document, "列映射"),
        ["token"] = (Label, "文件标识"),
    };

    /// <summary>The limit and label of a field; a field not named above gets <see cref="Text"/> (body) or <see cref="Query"/>.</summary>
    public static (int Max, string Label) For(string field, bool inQuery = false) =>
        Fields.TryGetValue(field, out var f) ? f
            : (inQuery ? Query : Text, "该项");

    public static string Message(string label, int max) => $"{label}不能超过{max}个字";
}
