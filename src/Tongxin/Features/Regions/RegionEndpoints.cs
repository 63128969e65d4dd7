using Tongxin.Common.Auth;

namespace Tongxin.Features.Regions;

/// <summary>The region tree: read by every signed-in user (forms need it), extended by those who manage regions.</summary>
public static class RegionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/regions").WithTags("Regions");
        g.MapGet("/", ListRegions.Handle);
        g.MapPost("/", CreateRegion.Handle).RequireAuthorization(Permissions.RegionsManage);
    }
}
