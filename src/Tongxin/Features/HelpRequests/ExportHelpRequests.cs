using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Files;

namespace Tongxin.Features.HelpRequests;

public static class ExportHelpRequests
{
    /// <summary>At most this many rows per file; the board's filters narrow a larger set.</summary>
    public const int MaxRows = 10_000;

    private static readonly string[] Header =
        ["编号", "诉求标题", "类别", "人士/单位", "所属地区", "紧急程度", "来源", "状态", "转办单位", "最近办理期限", "是否逾期", "提交时间", "办结时间", "满意度"];

    /// <summary>GET /api/help-requests/file: the board with its filters and order as an .xlsx file.</summary>
    public static async Task<FileStreamHttpResult> Handle(TongxinDb db, ClaimsPrincipal user, [AsParameters] HelpRequestFilter filter)
    {
        var query = await filter.ApplyAsync(db, (await HelpRequestAccess.Visible(db, user)).AsNoTracking());
        var items = await ListHelpRequests.Items(db, await query.Take(MaxRows).ToListAsync());
        var rows = new List<IDictionary<string, object?>> { Row(Header) };
        rows.AddRange(items.Select(i => Row(
        [
            i.Id.ToString(), i.Title, i.CategoryLabel, i.SubjectName, i.RegionName, HelpRequestNames.Urgency(i.Urgency),
            HelpRequestNames.Channel(i.ReceivedVia), HelpRequestNames.Status(i.Status), i.Units, i.NextDeadline?.ToString("yyyy-MM-dd") ?? "",
            i.Overdue ? "是" : "否", i.CreatedAt.AddHours(8).ToString("yyyy-MM-dd HH:mm"), i.CompletedAt?.AddHours(8).ToString("yyyy-MM-dd HH:mm") ?? "",
            i.Satisfaction is { } s ? HelpRequestNames.Satisfaction(s) : "",
        ])));
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, printHeader: false, sheetName: "诉求");
        stream.Position = 0;
        await db.LogAsync("export", "HelpRequest", null, $"导出诉求 {items.Count} 条");
        return TypedResults.File(stream, FileNames.XlsxType, FileNames.Utf8("诉求", DateTime.UtcNow));
    }

    private static IDictionary<string, object?> Row(string[] cells) =>
        cells.Select((c, i) => (Key: "c" + i, Value: (object?)c)).ToDictionary(x => x.Key, x => x.Value);
}
