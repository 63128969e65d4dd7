using Tongxin.Common.Auth;

namespace Tongxin.Features.Figures;

public static class FigureEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/figures").WithTags("Figures");
        g.MapGet("/", ListFigures.Handle).RequireAuthorization(Permissions.FiguresRead);
        g.MapPost("/", CreateFigure.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapPost("/duplicates", Duplicates.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapGet("/{id:long}", GetFigure.Handle).Produces<FigureDetail>().ProducesProblem(404).RequireAuthorization(Permissions.FiguresRead);
        g.MapPut("/{id:long}", UpdateFigure.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapDelete("/{id:long}", WithdrawFigure.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapPost("/{id:long}/restore", RestoreFigure.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapPost("/{id:long}/reveal", RevealField.Handle).RequireAuthorization(Permissions.FiguresReveal);
        g.MapGet("/{id:long}/history", FigureHistory.Handle).RequireAuthorization(Permissions.FiguresRead);
    }
}
