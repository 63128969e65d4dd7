using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Liaison;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<Assignment> LiaisonAssignments => Set<Assignment>();
    public DbSet<ContactLog> ContactLogs => Set<ContactLog>();
    public DbSet<FeedbackForm> LiaisonFeedbackForms => Set<FeedbackForm>();
}
