using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Dashboard;

/// <summary>
/// Every server folds the tally changes appended by PostgreSQL's triggers every few seconds, so dashboards read
/// few rows. Safe to run on several servers at once (see <see cref="FigureTallySql.FoldChanges"/>), so no run is
/// claimed; on SQLite there is nothing to fold and it does not start.
/// </summary>
public sealed class FigureTallyCompactor(IServiceProvider services, ILogger<FigureTallyCompactor> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(Every, stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                using var scope = services.CreateUnrestrictedScope();
                var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
                if (!db.Database.IsNpgsql()) return;
                await FigureTallies.FoldChangesAsync(db, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested) { log.LogWarning(e, "Folding dashboard tally changes failed; retrying"); }
        }
    }
}
