using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Notifications;

public sealed record PublishNoticeBody(string? Title, string? Body, NoticeAudienceInput? Audience);

public static class PublishNotice
{
    /// <summary>
    /// POST /api/notices: stores the notice and answers 202 at once; a background job (<see cref="NoticeFanOut"/>)
    /// writes the recipients' inbox rows, so a notice to 100,000 members does not hold the request.
    /// </summary>
    public static async Task<Results<Accepted<NoticeItem>, ValidationProblem, ForbidHttpResult>> Handle(PublishNoticeBody input, TongxinDb db,
        NoticeFanOut fanOut, HttpContext http, CancellationToken ct)
    {
        var region = http.User.RegionCode();
        if (region is null || db.Actor.UserId is null) return TypedResults.Forbid();
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["请填写标题"];
        else if (title.Length > 200) errors["title"] = ["标题不能超过 200 个字"];
        if (body.Length == 0) errors["body"] = ["请填写正文"];
        else if (body.Length > 10000) errors["body"] = ["正文不能超过 10000 个字"];
        var notice = new Notice
        {
            RegionCode = region,
            Title = title,
            Body = body,
            AudienceKind = "",
            AudienceRegionCode = region,
            AudienceLabel = "",
            CreatedBy = db.Actor.UserId,
            CreatedByName = http.User.FindFirstValue(TongxinClaims.DisplayName) is { Length: > 0 } display ? display : db.Actor.UserName,
            CreatedAt = DateTime.UtcNow,
        };
        await NoticeAudience.Resolve(db, input.Audience, region, notice, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        fanOut.Wake();
        return TypedResults.Accepted($"/api/notices/{notice.Id}", NoticeItem.Of(notice, staff: true, readAt: null));
    }
}
