using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Common.Auth;

/// <summary>
/// Identity's user manager, made to end a user's sessions (a new security stamp) on every event that must end
/// them: besides a password change or reset (Identity's own), a lockout (by failed attempts or by an administrator
/// disabling the user) and a change of roles. A region change or a sign-out calls
/// <see cref="UserManager{TUser}.UpdateSecurityStampAsync"/> itself. Every write of a user forgets this server's
/// cached stamp, so the change holds here at once.
/// </summary>
public sealed class TongxinUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services,
    ILogger<UserManager<AppUser>> logger, SessionStamps stamps)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && await IsLockedOutAsync(user)) return await UpdateSecurityStampAsync(user);
        return result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        if (result.Succeeded && lockoutEnd > DateTimeOffset.UtcNow) return await UpdateSecurityStampAsync(user);
        return result;
    }

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles)
    {
        var result = await base.AddToRolesAsync(user, roles);
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role)
    {
        var result = await base.AddToRoleAsync(user, role);
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles)
    {
        var result = await base.RemoveFromRolesAsync(user, roles);
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role)
    {
        var result = await base.RemoveFromRoleAsync(user, role);
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }
}
