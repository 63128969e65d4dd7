using System.Text;
using Tongxin.Common.Text;

namespace Tongxin.Features.Imports;

/// <summary>The columns the figure importer understands.</summary>
public enum FigureColumn
{
    SystemId, Name, Gender, BirthDate, Ethnicity, PoliticalAffiliation, Education, IdNumber, Phone, Region,
    Workplace, JobTitle, Category, Fields, Tags, KeyLevel, EnrolledOn, Platform, Handle, Followers, Likes,
    Works, Url, Notes, StatDate, Email, WeChat, Source, RecommendedBy,
    /// <summary>Written by the export, ignored on import (status changes go through withdraw).</summary>
    Status,
}

/// <summary>
/// Header texts and their variants as offices write them, the canonical header used by the template and
/// the export, and the <see cref="Figures.FigureRules"/> field each column feeds (for error messages).
/// </summary>
public static class FigureColumns
{
    public sealed record Definition(FigureColumn Column, string Header, string? Field, string[] Variants);

    public static readonly IReadOnlyList<Definition> All =
    [
        new(FigureColumn.SystemId, "系统编号", null, ["编号", "人士编号"]),
        new(FigureColumn.Name, "姓名", "name", ["名字"]),
        new(FigureColumn.Gender, "性别", "gender", []),
        new(FigureColumn.BirthDate, "出生年月", "birthDate", ["出生日期", "出生年月日", "生日"]),
        new(FigureColumn.Ethnicity, "民族", "ethnicity", []),
        new(FigureColumn.PoliticalAffiliation, "政治面貌", "politicalAffiliation", []),
        new(FigureColumn.Education, "学历", "education", ["文化程度", "最高学历"]),
        new(FigureColumn.IdNumber, "身份证号", "idNumber", ["身份证号码", "公民身份号码", "身份证"]),
        new(FigureColumn.Phone, "手机", "phone", ["手机号", "手机号码", "联系电话", "电话", "联系方式"]),
        new(FigureColumn.Region, "所属地区", "regionCode", ["区县", "所属区县", "所在地区", "地区", "行政区划", "所在区县"]),
        new(FigureColumn.Workplace, "工作单位", "workplace", ["单位", "所在单位"]),
        new(FigureColumn.JobTitle, "职务", "jobTitle", ["职位", "职务职称"]),
        new(FigureColumn.Category, "人士类别", "category", ["类别"]),
        new(FigureColumn.Fields, "领域", "fields", ["所属领域"]),
        new(FigureColumn.Tags, "标签", "tags", []),
        new(FigureColumn.KeyLevel, "重点人士", "keyLevel", ["重点级别", "重点人士级别"]),
        new(FigureColumn.EnrolledOn, "入库时间", "enrolledOn", ["入库日期"]),
        new(FigureColumn.Platform, "平台", "platform", ["所在平台", "平台名称"]),
        new(FigureColumn.Handle, "账号", "handle", ["平台账号", "账号名称", "账号名"]),
        new(FigureColumn.Followers, "粉丝数", "followers", ["粉丝量", "粉丝"]),
        new(FigureColumn.Likes, "获赞数", "likes", ["获赞", "点赞数"]),
        new(FigureColumn.Works, "作品数", "works", ["作品"]),
        new(FigureColumn.Url, "主页链接", "url", ["链接", "账号链接"]),
        new(FigureColumn.Notes, "备注", "notes", []),
        new(FigureColumn.StatDate, "统计日期", "statDate", ["数据日期"]),
        new(FigureColumn.Email, "电子邮箱", "email", ["邮箱"]),
        new(FigureColumn.WeChat, "微信号", "weChat", ["微信"]),
        new(FigureColumn.Source, "发现与推荐方式", "source", ["推荐方式", "来源"]),
        new(FigureColumn.RecommendedBy, "推荐人/单位", "recommendedBy", ["推荐人", "推荐单位"]),
        new(FigureColumn.Status, "状态", null, []),
    ];

    private static readonly Dictionary<string, FigureColumn> ByHeader = Build();

    public static Definition Of(FigureColumn column) => All[(int)column];

    /// <summary>The column a header names, or null for an unknown header.</summary>
    public static FigureColumn? Match(string? header)
    {
        var key = NormalizeHeader(header);
        return key.Length > 0 && ByHeader.TryGetValue(key, out var c) ? c : null;
    }

    /// <summary>
    /// Header text as compared: full-width to half-width, spaces, line breaks, asterisks, colons and
    /// bracketed notes such as （必填） or (格式:1990.05) removed.
    /// </summary>
    public static string NormalizeHeader(string? header)
    {
        var text = ChineseText.ToHalfWidth(header);
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '【' or '〔') { depth++; continue; }
            if (c is ')' or ']' or '】' or '〕') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0 || char.IsWhiteSpace(c) || c is '*' or ':' or '\u200B' or '\uFEFF' or '※') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static Dictionary<string, FigureColumn> Build()
    {
        var map = new Dictionary<string, FigureColumn>(StringComparer.Ordinal);
        foreach (var d in All)
        {
            map[NormalizeHeader(d.Header)] = d.Column;
            foreach (var v in d.Variants) map[NormalizeHeader(v)] = d.Column;
        }
        return map;
    }
}
