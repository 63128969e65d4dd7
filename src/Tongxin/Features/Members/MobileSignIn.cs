using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;
using Tongxin.Features.Auth;

namespace Tongxin.Features.Members;

/// <summary>
/// A member signs in with their registered mobile number too: the number is normalized and looked up by its
/// keyed hash on the figures (the number itself is stored encrypted), then the member user linked to the figure.
/// A number shared by several members' figures signs in nobody (it says nothing about who has it).
/// </summary>
public sealed class MobileSignIn(TongxinDb db, UserManager<AppUser> users, FieldProtector protector) : ISignInNameResolver
{
    public async Task<AppUser?> FindAsync(string name)
    {
        var phone = PhoneNumber.Parse(name);
        if (!phone.IsValid || phone.Kind != PhoneKind.Mobile) return null;
        var hash = protector.Hash(phone.Number);
        // Not signed in yet: across all regions, by hash only.
        var figureIds = db.Figures.IgnoreQueryFilters().Where(f => f.PhoneHash == hash).Select(f => f.Id);
        var userIds = await db.Users.Where(u => u.FigureId != null && figureIds.Contains(u.FigureId.Value)).Select(u => u.Id).Take(2).ToListAsync();
        return userIds.Count == 1 ? await users.FindByIdAsync(userIds[0]) : null;
    }
}
