using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.AuditLog;

/// <summary>
/// Deletes audit lines older than the retention (never fewer than <see cref="AuditEntry.RetentionDays"/>
/// days: the database refuses younger deletes anyway) and records the purge itself in the log.
/// </summary>
public static class AuditPurge
{
    public static async Task<int> RunAsync(TongxinDb db, int days, CancellationToken ct = default)
    {
        days = Math.Max(days, AuditEntry.RetentionDays);
        var cutoff = DateTime.UtcNow.AddDays(-days);
        var n = await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        await db.LogAsync("audit-purge", nameof(AuditEntry), null, $"清理{days}天前的日志 {n} 条", ct: ct);
        return n;
    }
}

/// <summary>Daily purge, only when the installation sets Tongxin:Audit:PurgeAfterDays (by default logs are kept).</summary>
public sealed class AuditPurgeJob(IConfiguration config) : IRecurringJob
{
    private int? Days => config.GetValue<int?>("Tongxin:Audit:PurgeAfterDays");
    public string Name => "audit-purge";
    public TimeSpan Period => TimeSpan.FromDays(1);
    public bool Enabled => Days is > 0;

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct) =>
        $"{await AuditPurge.RunAsync(services.GetRequiredService<TongxinDb>(), Days!.Value, ct)} audit lines removed";
}
