using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Files;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

/// <summary>结对关系 as an Excel workbook: the list's filters and region scope, in the list's order.</summary>
public static class ExportAssignments
{
    public const int ExportLimit = 50_000;

    public static async Task<FileContentHttpResult> Handle(TongxinDb db, string? cadreUserId, long? figureId, bool? active)
    {
        var items = await ListAssignments.Items(db, ListAssignments.Ordered(ListAssignments.Filter(db, cadreUserId, figureId, active)).Take(ExportLimit));
        var codes = new DictionaryCodes(db);
        var regions = await RegionNames.FullNamesAsync(db, items.Select(i => i.RegionCode));
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            ["网络人士"] = SpreadsheetText.Neutralize(i.FigureName),
            ["重点级别"] = KeyLevels.Label(codes, i.KeyLevel),
            ["所属地区"] = regions.GetValueOrDefault(i.RegionCode, i.RegionCode),
            ["联系干部"] = SpreadsheetText.Neutralize(i.CadreName),
            ["开始日期"] = i.StartOn.ToString("yyyy-MM-dd"),
            ["结束日期"] = i.EndOn?.ToString("yyyy-MM-dd") ?? "",
            ["结束原因"] = SpreadsheetText.Neutralize(i.EndReason ?? ""),
            ["状态"] = i.Active ? "联系中" : "已结束",
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("结对关系", DateTime.UtcNow));
    }
}
