using Tongxin.Common.Data;

namespace Tongxin.Tests.Features.Model;

public class WriteEffectTests
{
    /// <summary>SaveChanges and the bulk writers run this one list; a new effect joins it by existing.</summary>
    [Fact]
    public void The_write_effects_run_stamps_first_and_audit_last()
    {
        Assert.Equal(["StampEffect", "SearchKeyEffect", "DueDateEffect", "BulkTallyEffect", "AttachmentCleanup", "AuditEffect"], WriteEffects.All.Select(e => e.GetType().Name));
    }
}
