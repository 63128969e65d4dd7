using Microsoft.EntityFrameworkCore;
using Tongxin.Features.HelpRequests;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<HelpRequestPart> HelpRequestParts => Set<HelpRequestPart>();
    public DbSet<HelpRequestEvent> HelpRequestEvents => Set<HelpRequestEvent>();
}
