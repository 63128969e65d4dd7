using Microsoft.AspNetCore.Identity;

namespace Tongxin.Common.Auth;

/// <summary>A user of Tongxin: staff, cadre, unit, association officer or member.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public required string RegionCode { get; set; }
    /// <summary>Set for generated and administrator-created passwords; cleared by change-password.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The unit (department, member unit, association) the user works for, if any.</summary>
    public long? OrgUnitId { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long? LastTotpTimeStep { get; set; }
    /// <summary>A member's own figure: a member user is linked to exactly one figure (set when an invitation is activated).</summary>
    public long? FigureId { get; set; }
}
