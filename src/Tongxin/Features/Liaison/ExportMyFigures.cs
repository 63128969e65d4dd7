using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Files;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

/// <summary>我联系的网络人士 as an Excel workbook: the signed-in cadre's own list, in the list's order.</summary>
public static class ExportMyFigures
{
    public static async Task<FileContentHttpResult> Handle(TongxinDb db, ClaimsPrincipal user)
    {
        var items = (await ListMyFigures.Handle(db, user)).Value ?? [];
        var codes = new DictionaryCodes(db);
        var regions = await RegionNames.FullNamesAsync(db, items.Select(i => i.RegionCode));
        var rows = items.Take(ListDue.ExportLimit).Select(i => new Dictionary<string, object?>
        {
            ["网络人士"] = SpreadsheetText.Neutralize(i.Name),
            ["重点级别"] = KeyLevels.Label(codes, i.KeyLevel),
            ["所属地区"] = regions.GetValueOrDefault(i.RegionCode, i.RegionCode),
            ["联系开始"] = i.StartOn.ToString("yyyy-MM-dd"),
            ["最近联系"] = i.LastContactOn?.ToString("yyyy-MM-dd") ?? "从未联系",
            ["应联系日期"] = i.NextDueOn?.ToString("yyyy-MM-dd") ?? "",
            ["状态"] = ListDue.StateLabel(i.State),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("我联系的网络人士", DateTime.UtcNow));
    }
}
