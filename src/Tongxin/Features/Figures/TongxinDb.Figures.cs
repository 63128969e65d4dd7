using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Figures;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<Figure> Figures => Set<Figure>();
    public DbSet<FigureSearchKey> FigureSearchKeys => Set<FigureSearchKey>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Honour> Honours => Set<Honour>();
    public DbSet<PlatformAccount> PlatformAccounts => Set<PlatformAccount>();
    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
}
