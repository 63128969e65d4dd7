using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Dashboard;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<FigureTally> FigureTallies => Set<FigureTally>();
    public DbSet<FigureTallyChange> FigureTallyChanges => Set<FigureTallyChange>();
}
