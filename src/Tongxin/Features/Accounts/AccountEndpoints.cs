using Tongxin.Common.Auth;

namespace Tongxin.Features.Accounts;

/// <summary>A figure's platform accounts and their dated metrics.</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/{id:long}/accounts", CreateAccount.Handle).WithTags("Accounts").RequireAuthorization(Permissions.FiguresWrite);
        var g = api.MapGroup("/accounts").WithTags("Accounts");
        g.MapPut("/{id:long}", UpdateAccount.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapDelete("/{id:long}", DeleteAccount.Handle).RequireAuthorization(Permissions.FiguresWrite);
        g.MapGet("/{id:long}/snapshots", ListSnapshots.Handle).RequireAuthorization(Permissions.FiguresRead);
        g.MapPost("/{id:long}/snapshots", AddSnapshot.Handle).RequireAuthorization(Permissions.FiguresWrite);
    }
}
