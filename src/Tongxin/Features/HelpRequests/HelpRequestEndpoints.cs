using Tongxin.Common.Auth;
using Tongxin.Common.Files;

namespace Tongxin.Features.HelpRequests;

/// <summary>Help requests (诉求/难题): the board, the detail with its timeline, and one route per workflow action.</summary>
public static class HelpRequestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/help-requests").WithTags("HelpRequests");
        g.MapGet("/", ListHelpRequests.Handle).RequireAuthorization(Permissions.HelpRequestsView);
        g.MapGet("/file", ExportHelpRequests.Handle).Produces(200, contentType: FileNames.XlsxType).RequireAuthorization(Permissions.HelpRequestsView);
        g.MapGet("/stats", HelpRequestStatistics.Handle).RequireAuthorization(Permissions.HelpRequestsRead);
        g.MapPost("/", CreateHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsCreate);
        g.MapGet("/{id:long}", GetHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsView);
        g.MapPost("/{id:long}/accept", AcceptHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsHandle);
        g.MapPost("/{id:long}/route", RouteHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsHandle);
        g.MapPost("/{id:long}/reply", ReplyHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsReply);
        g.MapPost("/{id:long}/return", ReturnHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsReply);
        g.MapPost("/{id:long}/complete", CompleteHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsHandle);
        g.MapPost("/{id:long}/visit", VisitHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsHandle);
        g.MapPost("/{id:long}/reopen", ReopenHelpRequest.Handle).RequireAuthorization(Permissions.HelpRequestsHandle);
    }
}
