using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

public static class InvitationQrCode
{
    /// <summary>
    /// The QR code (PNG) of an invitation link, for the office to send with its own WeChat. The code is not stored,
    /// so the link comes from the page that just made it; only this server's activation links are drawn.
    /// </summary>
    public static Results<FileContentHttpResult, ValidationProblem> Handle(string? url, HttpContext http)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        if (string.IsNullOrWhiteSpace(url) || url.Length > 300 || !url.StartsWith(CreateInvitations.LinkOf(origin, ""), StringComparison.Ordinal))
            return Problems.Validation("url", "不是本系统的邀请链接");
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(png, "image/png");
    }
}
