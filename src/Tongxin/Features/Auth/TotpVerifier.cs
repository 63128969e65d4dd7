using Microsoft.AspNetCore.Identity;
using OtpNet;
using Tongxin.Common.Auth;

namespace Tongxin.Features.Auth;

/// <summary>
/// Checks authenticator codes (RFC 6238, 30 s steps, ±1 step of drift) and refuses a code whose time step
/// was already used: ASP.NET Core's own check would accept the same code again until it expires.
/// </summary>
public sealed class TotpVerifier(UserManager<AppUser> users)
{
    public async Task<bool> VerifyAsync(AppUser user, string? code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (key is null || digits.Length != 6) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(digits, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        if (user.LastTotpTimeStep is { } last && step <= last) return false; // replay
        user.LastTotpTimeStep = step;
        await users.UpdateAsync(user);
        return true;
    }
}
