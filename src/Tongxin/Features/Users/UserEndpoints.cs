using Tongxin.Common.Auth;

namespace Tongxin.Features.Users;

/// <summary>Staff accounts within the caller's region subtree.</summary>
public static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Permissions.UsersManage);
        g.MapGet("/", ListUsers.Handle);
        g.MapPost("/", CreateUser.Handle);
        g.MapPost("/{id}/reset-password", ResetPassword.Handle);
        g.MapPost("/{id}/unlock", UnlockUser.Handle);
        g.MapPut("/{id}", UpdateUser.Handle);
        g.MapPost("/{id}/disable", DisableUser.Disable);
        g.MapPost("/{id}/enable", DisableUser.Enable);
    }
}
