using Tongxin.Common.Auth;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Positions;

/// <summary>Political and social positions (人大代表, 政协委员…) and honours of a figure: the same three verbs on two record kinds.</summary>
public static class PositionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var write = Permissions.FiguresWrite;
        var positions = api.MapGroup("").WithTags("Positions").RequireAuthorization(write);
        positions.MapPost("/figures/{id:long}/positions", AddFigureRecord.Handle<PositionInput, Position, PositionItem>);
        positions.MapPut("/positions/{id:long}", UpdateFigureRecord.Handle<PositionInput, Position, PositionItem>);
        positions.MapDelete("/positions/{id:long}", DeleteFigureRecord.Handle<PositionInput, Position, PositionItem>);
        var honours = api.MapGroup("").WithTags("Honours").RequireAuthorization(write);
        honours.MapPost("/figures/{id:long}/honours", AddFigureRecord.Handle<HonourInput, Honour, HonourItem>);
        honours.MapPut("/honours/{id:long}", UpdateFigureRecord.Handle<HonourInput, Honour, HonourItem>);
        honours.MapDelete("/honours/{id:long}", DeleteFigureRecord.Handle<HonourInput, Honour, HonourItem>);
    }
}
