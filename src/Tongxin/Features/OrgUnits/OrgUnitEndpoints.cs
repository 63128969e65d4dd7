using Tongxin.Common.Auth;

namespace Tongxin.Features.OrgUnits;

/// <summary>The offices and units users belong to.</summary>
public static class OrgUnitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/org-units").WithTags("OrgUnits");
        g.MapGet("/", ListOrgUnits.Handle); // any signed-in user: forms need the list of units in their region
        g.MapPost("/", CreateOrgUnit.Handle).RequireAuthorization(Permissions.RegionsManage);
        g.MapPut("/{id:long}", UpdateOrgUnit.Handle).RequireAuthorization(Permissions.RegionsManage);
        g.MapDelete("/{id:long}", DeleteOrgUnit.Handle).RequireAuthorization(Permissions.RegionsManage);
    }
}
