using System.Security.Claims;

namespace Tongxin.Common.Auth;

/// <summary>Who is acting in this unit of work, for the audit log.</summary>
public sealed class CurrentActor(IHttpContextAccessor? http = null)
{
    private (string? Id, string Name)? _explicit;

    /// <summary>For operator verbs and background jobs acting on someone's behalf.</summary>
    public void Use(string? userId, string userName) => _explicit = (userId, userName);

    private ClaimsPrincipal? User => http?.HttpContext?.User;

    public string? UserId => _explicit?.Id ?? User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => _explicit?.Name ?? User?.Identity?.Name ?? "system";
    public string? Ip => http?.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
