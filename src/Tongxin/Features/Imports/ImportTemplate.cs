using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;

namespace Tongxin.Features.Imports;

/// <summary>
/// GET /api/figures/import/template: the header row, one example row in the caller's region, and a 说明 sheet. The ID
/// number and phone columns are text-formatted, so Excel cannot turn an 18-digit number into a float.
/// </summary>
public static class ImportTemplate
{
    public static readonly FigureColumn[] Columns =
    [
        FigureColumn.Name, FigureColumn.Gender, FigureColumn.BirthDate, FigureColumn.Ethnicity, FigureColumn.PoliticalAffiliation,
        FigureColumn.Education, FigureColumn.IdNumber, FigureColumn.Phone, FigureColumn.Region, FigureColumn.Workplace,
        FigureColumn.JobTitle, FigureColumn.Category, FigureColumn.Fields, FigureColumn.Tags, FigureColumn.KeyLevel,
        FigureColumn.EnrolledOn, FigureColumn.Platform, FigureColumn.Handle, FigureColumn.Followers, FigureColumn.Likes,
        FigureColumn.Works, FigureColumn.Url, FigureColumn.Notes,
    ];

    private static readonly string[] Notes =
    [
        "1. 第一行为列名，请勿修改；标“*”的列必填。表头上方可以有标题行，表格下方以“注：”开头的说明行会被忽略。",
        "2. 身份证号、手机号请将单元格设为“文本”格式后填写，否则 Excel 会把18位身份证号转成数字并丢失后几位。",
        "3. 出生年月可写 1990-05-01、1990.05、1990年5月；只写到月份时按月份保存，不会补出日期。",
        "4. 所属地区可填地区名称（如 纳溪区）、全称（如 泸州市纳溪区）或地区代码，只能是本单位管辖范围内的地区；不填时为本单位所在地区。",
        "5. 民族、政治面貌、学历、人士类别、重点人士、平台按系统字典填写（名称或代码均可）；重点人士填“否”或留空表示非重点人士。",
        "6. 粉丝数、获赞数、作品数可写 3,200、12.5万、1100万。一人有多个账号时，平台和账号可用“、”分隔逐一对应（此时不导入粉丝数）。",
        "7. 已登记的人员按身份证号、手机号（姓名相同）或平台账号识别并更新；空白单元格不会清除已有信息。",
        "8. 建议先“检查”（不写入），确认无误后再“导入”；有任何一行出错时整批都不会写入，可下载错误报告修改后重新导入。",
    ];

    public static async Task<FileStreamHttpResult> Handle(TongxinDb db, HttpContext http)
    {
        var code = http.User.RegionCode();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.FullName).FirstOrDefaultAsync() ?? "";
        var stream = new MemoryStream();
        Write(stream, region);
        stream.Position = 0;
        return TypedResults.File(stream, FileNames.XlsxType, FileNames.Utf8("网络人士导入模板", DateTime.UtcNow));
    }

    /// <summary>Columns formatted as text (number format “@”), whole column and example cell, so Excel keeps every digit.</summary>
    public static readonly FigureColumn[] TextColumns = [FigureColumn.IdNumber, FigureColumn.Phone];

    public static void Write(Stream stream, string regionName)
    {
        var header = Columns.Select(c => (c is FigureColumn.Name ? "*" : "") + FigureColumns.Of(c).Header).ToArray();
        var example = new Dictionary<FigureColumn, string?>
        {
            [FigureColumn.Name] = "张三",
            [FigureColumn.Gender] = "男",
            [FigureColumn.BirthDate] = "1990-05",
            [FigureColumn.Ethnicity] = "汉族",
            [FigureColumn.PoliticalAffiliation] = "群众",
            [FigureColumn.Education] = "大学本科",
            [FigureColumn.IdNumber] = null,
            [FigureColumn.Phone] = "13800000000",
            [FigureColumn.Region] = regionName,
            [FigureColumn.Workplace] = "某某文化传媒有限公司",
            [FigureColumn.JobTitle] = "主播",
            [FigureColumn.Category] = "主播",
            [FigureColumn.Fields] = "文化旅游",
            [FigureColumn.Tags] = "美食、本地生活",
            [FigureColumn.KeyLevel] = "否",
            [FigureColumn.EnrolledOn] = "2024-03-01",
            [FigureColumn.Platform] = "抖音",
            [FigureColumn.Handle] = "zhangsan_example",
            [FigureColumn.Followers] = "12.5万",
            [FigureColumn.Likes] = "300万",
            [FigureColumn.Works] = "520",
            [FigureColumn.Url] = "https://www.douyin.com/",
            [FigureColumn.Notes] = "示例行，导入前请删除",
        };
        var textColumns = TextColumns.Select(c => Array.IndexOf(Columns, c)).ToHashSet();
        var sheet1 = new TemplateSheet("网络人士", textColumns);
        sheet1.Row(header.Select(h => ((string?)h, TemplateSheet.Bold)));
        sheet1.Row(Columns.Select((c, i) => (example[c], textColumns.Contains(i) ? TemplateSheet.Text : TemplateSheet.Plain)));
        var sheet2 = new TemplateSheet("说明", new HashSet<int>());
        sheet2.Row([("说明", TemplateSheet.Bold)]);
        foreach (var n in Notes) sheet2.Row([(n, TemplateSheet.Plain)]);
        TemplateSheet.Save(stream, [sheet1, sheet2]);
    }
}
