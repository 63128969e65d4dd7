using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Text;

namespace Tongxin.Features.Notifications;

public static class ExportNotices
{
    public const int Limit = 10_000;

    /// <summary>GET /api/notices/export: the staff's notice list with read receipts as an Excel workbook (newest first).</summary>
    public static async Task<FileContentHttpResult> Handle(TongxinDb db, CancellationToken ct)
    {
        var notices = await db.Notices.AsNoTracking().OrderByDescending(n => n.Id).Take(Limit).ToListAsync(ct);
        var rows = notices.Select(n => new Dictionary<string, object?>
        {
            ["标题"] = SpreadsheetText.Neutralize(n.Title),
            ["发送对象"] = n.AudienceLabel,
            ["发布人"] = SpreadsheetText.Neutralize(n.CreatedByName),
            ["发布时间"] = n.CreatedAt.AddHours(8).ToString("yyyy-MM-dd HH:mm"),
            ["送达人数"] = n.RecipientCount,
            ["已读人数"] = n.ReadCount,
            ["已读比例"] = n.RecipientCount == 0 ? "" : $"{100.0 * n.ReadCount / n.RecipientCount:F1}%",
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("通知公告", DateTime.UtcNow));
    }
}
