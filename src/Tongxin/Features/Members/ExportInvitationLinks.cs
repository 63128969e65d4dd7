using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QRCoder;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Text;

namespace Tongxin.Features.Members;

public sealed record InvitationCode(long FigureId, string? Code);

public sealed record ExportInvitationLinksRequest(List<InvitationCode>? Items);

/// <summary>
/// The links and QR codes just made, as an .xlsx to send on: the server keeps only the codes' hashes, so the page
/// sends back the codes it was given; each must be a pending invitation of that figure (in scope), else 400.
/// </summary>
public static class ExportInvitationLinks
{
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(ExportInvitationLinksRequest request, TongxinDb db, HttpContext http)
    {
        var items = request.Items ?? [];
        if (items.Count == 0) return Problems.Validation("items", "没有可下载的邀请链接");
        if (items.Count > CreateInvitations.MaxFigures) return Problems.Validation("items", $"一次最多下载{CreateInvitations.MaxFigures}条邀请链接");
        var hashes = items.Select(i => Invitation.HashOf(i.Code ?? "")).ToList();
        var now = DateTime.UtcNow;
        var found = await db.Invitations.AsNoTracking()
            .Where(i => hashes.Contains(i.CodeHash) && i.ActivatedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.FigureId, i.CodeHash, i.ExpiresAt, i.Figure!.Name }).ToListAsync();
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var rows = new List<Dictionary<string, object?>>();
        for (var n = 0; n < items.Count; n++)
        {
            var match = found.FirstOrDefault(f => f.CodeHash == hashes[n] && f.FigureId == items[n].FigureId);
            if (match is null) return Problems.Validation($"items[{n}].code", "邀请链接已失效或不属于该人士，请重新邀请");
            var url = CreateInvitations.LinkOf(origin, items[n].Code!);
            using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
            rows.Add(new Dictionary<string, object?>
            {
                ["姓名"] = SpreadsheetText.Neutralize(match.Name),
                ["激活链接"] = url,
                ["有效期至"] = match.ExpiresAt.AddHours(8).ToString("yyyy-MM-dd HH:mm"),
                ["二维码"] = new PngByteQRCode(data).GetGraphic(4),
            });
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("邀请链接", now));
    }
}
