using Tongxin.Common.Auth;
using Tongxin.Common.Files;
using Tongxin.Common.Http;

namespace Tongxin.Features.Members;

/// <summary>Members' accounts (invitations, activation), their own record (/api/me/…) and staff's review of their requests.</summary>
public static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var inv = api.MapGroup("/invitations").WithTags("Members");
        inv.MapPost("", CreateInvitations.Handle).RequireAuthorization(Permissions.MembersInvite);
        inv.MapPost("/batch", InviteSelection.Handle).RequireAuthorization(Permissions.MembersInvite);
        inv.MapPost("/links", ExportInvitationLinks.Handle).Produces(200, contentType: FileNames.XlsxType).RequireAuthorization(Permissions.MembersInvite);
        inv.MapGet("", ListInvitations.Handle).RequireAuthorization(Permissions.MembersInvite);
        inv.MapPost("/{id:long}/revoke", RevokeInvitation.Handle).ProducesProblem(409).RequireAuthorization(Permissions.MembersInvite);
        inv.MapGet("/qr", InvitationQrCode.Handle).Produces(200, contentType: "image/png").RequireAuthorization(Permissions.MembersInvite);
        // Anonymous: the person opening the link is not signed in yet. Limited per address like sign-in (codes cannot be guessed).
        inv.MapGet("/preview", PreviewInvitation.Handle).AllowAnonymous().RequireRateLimiting(AuthSetup.LoginRateLimit);
        inv.MapPost("/activate", ActivateInvitation.Handle).AllowAnonymous().WithMetadata(new SkipAntiforgery())
            .RequireRateLimiting(AuthSetup.LoginRateLimit);

        var me = api.MapGroup("/me").WithTags("Members").RequireAuthorization(Permissions.MemberSelf);
        me.MapGet("/figure", GetMyFigure.Handle);
        me.MapPost("/corrections", ProposeCorrection.Handle);
        me.MapGet("/corrections", ListMyCorrections.Handle);
        me.MapGet("/export", ExportMyData.Handle).Produces(200, contentType: FileNames.XlsxType);
        me.MapPost("/withdrawal", RequestWithdrawal.Handle);
        me.MapGet("/wechat", WeChatBinding.Get);
        me.MapPost("/wechat", WeChatBinding.Bind).ProducesProblem(409);
        me.MapDelete("/wechat", WeChatBinding.Unbind);

        var review = api.MapGroup("/corrections").WithTags("Members").RequireAuthorization(Permissions.CorrectionsReview);
        review.MapGet("", ListCorrections.Handle);
        review.MapPost("/{id:long}/approve", ApproveCorrection.Handle).ProducesProblem(409);
        review.MapPost("/{id:long}/reject", RejectCorrection.Handle);
    }
}
