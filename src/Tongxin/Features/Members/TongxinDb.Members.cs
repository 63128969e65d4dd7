using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Members;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Correction> Corrections => Set<Correction>();
}
