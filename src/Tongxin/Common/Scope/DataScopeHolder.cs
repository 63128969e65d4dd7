using System.Security.Claims;
using Tongxin.Common.Auth;

namespace Tongxin.Common.Scope;

/// <summary>
/// Holds the scope of the current unit of work. In a request it comes from the signed-in user's
/// region claim; background work and operator verbs set it explicitly with <see cref="Use"/>.
/// Without either, nothing is visible (deny by default).
/// </summary>
public sealed class DataScopeHolder(IHttpContextAccessor? http = null) : IDataScope
{
    private IDataScope? _explicit;

    public void Use(IDataScope scope) => _explicit = scope;

    private IDataScope Current => _explicit ?? ForUser(http?.HttpContext?.User);

    // The query filters read the scope several times per query; work it out once per principal. A request
    // that signs in replaces HttpContext.User, and a new principal is worked out afresh.
    private (ClaimsPrincipal? User, IDataScope Scope)? _fromUser;

    private IDataScope ForUser(ClaimsPrincipal? user)
    {
        if (_fromUser is { } cached && ReferenceEquals(cached.User, user)) return cached.Scope;
        var scope = FromUser(user) ?? NoAccess;
        _fromUser = (user, scope);
        return scope;
    }

    public bool IsUnrestricted => Current.IsUnrestricted;
    public RegionRange Range => Current.Range;

    /// <summary>Deny by default: an empty range that no region code falls in.</summary>
    public static readonly IDataScope NoAccess = new FixedScope(new RegionRange("~", "~"));

    public static IDataScope? FromUser(ClaimsPrincipal? user)
    {
        var code = user?.FindFirstValue(TongxinClaims.Region);
        return code is null || !Region.IsWellFormedCode(code) ? null : ForRegion(code);
    }

    /// <summary>What a user of this region sees: the region's subtree (for work done on their behalf).</summary>
    public static IDataScope ForRegion(string code) =>
        new FixedScope(RegionRange.ForPrefix(Region.ScopePrefix(code, Region.LevelOf(code))));
}
