using Tongxin.Common.Auth;

namespace Tongxin.Features.Auth;

/// <summary>
/// Another name a user may sign in with besides the user name (a member's registered mobile number). Features
/// register one; sign-in asks each in turn when no user has the name.
/// </summary>
public interface ISignInNameResolver
{
    Task<AppUser?> FindAsync(string name);
}
