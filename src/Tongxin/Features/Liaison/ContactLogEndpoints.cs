using Tongxin.Common.Auth;

namespace Tongxin.Features.Liaison;

/// <summary>联系记录: contacts of cadres and staff with figures.</summary>
public static class ContactLogEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contact-logs").WithTags("ContactLogs");
        g.MapGet("/", ListContactLogs.Handle).RequireAuthorization(Permissions.ContactLogsRead);
        g.MapGet("/file", ExportContactLogs.Handle).RequireAuthorization(Permissions.ContactLogsRead);
        g.MapPost("/", CreateContactLog.Handle).RequireAuthorization(Permissions.ContactLogsWrite);
        g.MapGet("/{id:long}", GetContactLog.Handle).RequireAuthorization(Permissions.ContactLogsRead);
        g.MapPut("/{id:long}", UpdateContactLog.Handle).RequireAuthorization(Permissions.ContactLogsWrite);
        g.MapDelete("/{id:long}", DeleteContactLog.Handle).RequireAuthorization(Permissions.ContactLogsWrite);
    }
}
