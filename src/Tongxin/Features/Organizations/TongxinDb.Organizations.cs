using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Organizations;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
}
