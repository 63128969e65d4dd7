using Tongxin.Common.Auth;

namespace Tongxin.Features.Liaison;

/// <summary>结对联络: assignments of figures to cadres, "my figures" and the due list.</summary>
public static class LiaisonEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/liaison").WithTags("Liaison");
        g.MapGet("/assignments", ListAssignments.Handle).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/assignments/file", ExportAssignments.Handle).RequireAuthorization(Permissions.LiaisonRead);
        g.MapPost("/assignments", AssignFigure.Handle).RequireAuthorization(Permissions.LiaisonManage);
        g.MapPost("/assignments/{id:long}/end", EndAssignment.Handle).RequireAuthorization(Permissions.LiaisonManage);
        g.MapPost("/assignments/reassign", ReassignFigures.Handle).RequireAuthorization(Permissions.LiaisonManage);
        g.MapGet("/cadres", ListCadres.Handle).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/my-figures", ListMyFigures.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapGet("/my-figures/file", ExportMyFigures.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapGet("/due", ListDue.Handle).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/due/file", ListDue.Export).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/feedback/{year:int}", GetFeedbackForm.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapPut("/feedback/{year:int}", SaveFeedbackForm.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapPost("/feedback/{year:int}/submit", SubmitFeedbackForm.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapGet("/feedback/{year:int}/file", DownloadFeedbackForm.Handle).RequireAuthorization(Permissions.LiaisonOwn);
        g.MapGet("/feedback-summary", FeedbackSummary.Handle).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/feedback-summary/file", FeedbackSummary.Export).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/feedback-summary/cadres/{cadreUserId}/file", DownloadFeedbackForm.ForCadre).RequireAuthorization(Permissions.LiaisonRead);
        g.MapGet("/figures/{id:long}", GetAssignedFigure.Handle).RequireAuthorization(Permissions.ContactLogsRead);
        g.MapGet("/coverage", ContactCoverage.Handle).RequireAuthorization(Permissions.LiaisonRead);
    }
}
