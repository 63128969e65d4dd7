using Tongxin.Common.Auth;

namespace Tongxin.Features.Organizations;

/// <summary>Internet companies, platforms, MCNs and bases, and the figures linked to them.</summary>
public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organizations").WithTags("Organizations");
        g.MapGet("/", ListOrganizations.Handle).RequireAuthorization(Permissions.OrganizationsRead);
        g.MapPost("/", CreateOrganization.Handle).RequireAuthorization(Permissions.OrganizationsWrite);
        g.MapGet("/{id:long}", GetOrganization.Handle).RequireAuthorization(Permissions.OrganizationsRead);
        g.MapPut("/{id:long}", UpdateOrganization.Handle).RequireAuthorization(Permissions.OrganizationsWrite);
        g.MapPost("/{id:long}/reveal-liaison-phone", RevealLiaisonPhone.Handle).RequireAuthorization(Permissions.FiguresReveal);
        g.MapDelete("/{id:long}", DeleteOrganization.Handle).RequireAuthorization(Permissions.OrganizationsWrite);
        g.MapPost("/{id:long}/figures", LinkFigure.Handle).RequireAuthorization(Permissions.OrganizationsWrite);
        g.MapDelete("/{id:long}/figures/{figureId:long}", UnlinkFigure.Handle).RequireAuthorization(Permissions.OrganizationsWrite);
    }
}
