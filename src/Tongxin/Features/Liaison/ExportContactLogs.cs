using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

/// <summary>联系记录 as an Excel workbook: the list's filters, scope and narrowing (a cadre gets only their figures' logs), newest first.</summary>
public static class ExportContactLogs
{
    public const int ExportLimit = 50_000;

    public static async Task<FileContentHttpResult> Handle(TongxinDb db, ClaimsPrincipal user, long? figureId, string? cadreUserId,
        DateOnly? from, DateOnly? to)
    {
        var query = ListContactLogs.Filter(db, user, figureId, cadreUserId, from, to)
            .OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).Take(ExportLimit);
        var items = await ListContactLogs.Items(db, user, query);
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            ["联系日期"] = i.Date.ToString("yyyy-MM-dd"),
            ["网络人士"] = SpreadsheetText.Neutralize(i.FigureName),
            ["联系方式"] = SpreadsheetText.Neutralize(i.WayLabel),
            ["联系情况"] = SpreadsheetText.Neutralize(i.Summary),
            ["参加人员"] = SpreadsheetText.Neutralize(i.Participants ?? ""),
            ["后续事项"] = SpreadsheetText.Neutralize(i.FollowUp ?? ""),
            ["记录人"] = SpreadsheetText.Neutralize(i.CadreName),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("联系记录", DateTime.UtcNow));
    }
}
