using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Notifications;

/// <summary>What a notification says, whoever receives it.</summary>
public sealed record NotificationMessage(string Kind, string Title, string? Body, string? Link);

/// <summary>
/// The one way a feature raises a notification: it writes the recipients' inbox rows (the in-app channel, always)
/// and hands the message to every configured <see cref="INotificationChannel"/>. Recipients who switched the kind
/// off get nothing.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// Writes one inbox row per recipient who has the kind on, on the caller's context (inside its transaction if it
    /// has one open), then delivers through the other channels. Returns the number of rows written.
    /// </summary>
    Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, string kind, string title, string? body, string? link, CancellationToken ct = default);
}

public sealed class Notifier(TongxinDb db, NotificationKinds kinds, IEnumerable<INotificationChannel> channels, ILogger<Notifier> log) : INotifier
{
    private const int Chunk = 500;

    public async Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, string kind, string title, string? body, string? link, CancellationToken ct = default)
    {
        var k = kinds.Get(kind);
        var recipients = await WhoWantsAsync(db, k, userIds.Distinct().ToList(), ct);
        if (recipients.Count == 0) return 0;
        var now = DateTime.UtcNow;
        var rows = recipients.Select(u => new Notification { UserId = u, Kind = kind, Title = Clip(title, 200)!, Body = Clip(body, 4000), Link = link, CreatedAt = now }).ToList();
        // One transaction for the rows (the caller's when it has one): SQLite would otherwise commit, and sync, per row.
        if (db.Database.CurrentTransaction is null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await RawInsert.ExecuteAsync(db, rows, RawInsert.ColumnsOf<Notification>(db, includeKey: false), ct);
            await tx.CommitAsync(ct);
        }
        else await RawInsert.ExecuteAsync(db, rows, RawInsert.ColumnsOf<Notification>(db, includeKey: false), ct);
        await DeliverAsync(channels, new NotificationMessage(kind, title, body, link), recipients, log, ct);
        return rows.Count;
    }

    /// <summary>The users among <paramref name="userIds"/> who receive this kind: its default unless they chose otherwise.</summary>
    public static async Task<List<string>> WhoWantsAsync(TongxinDb db, NotificationKind kind, List<string> userIds, CancellationToken ct)
    {
        if (!kind.Switchable || userIds.Count == 0) return userIds;
        var choices = new Dictionary<string, bool>();
        foreach (var chunk in userIds.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var s in await db.NotificationSettings.AsNoTracking().Where(s => s.Kind == kind.Code && ids.Contains(s.UserId)).ToListAsync(ct))
                choices[s.UserId] = s.Enabled;
        }
        return userIds.Where(u => choices.TryGetValue(u, out var on) ? on : kind.DefaultEnabled).ToList();
    }

    /// <summary>Hands a message to every channel; a channel that fails is logged, never undoes the inbox rows.</summary>
    public static async Task DeliverAsync(IEnumerable<INotificationChannel> channels, NotificationMessage message, IReadOnlyList<string> userIds,
        ILogger log, CancellationToken ct)
    {
        foreach (var channel in channels)
        {
            try { await channel.DeliverAsync(message, userIds, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Notification channel {Channel} failed for {Kind} to {Count} users", channel.Name, message.Kind, userIds.Count);
            }
        }
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
