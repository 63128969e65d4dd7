using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Notifications;

public sealed record NotificationSettingItem(string Kind, string Label, string Description, bool Enabled, bool Switchable);

public sealed record NotificationSettingsBody(IReadOnlyList<NotificationSettingChange>? Items);

public sealed record NotificationSettingChange(string? Kind, bool Enabled);

public static class GetNotificationSettings
{
    /// <summary>GET /api/me/notification-settings: each kind the caller may receive, on or off.</summary>
    public static async Task<Ok<List<NotificationSettingItem>>> Handle(TongxinDb db, NotificationKinds kinds, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await ReadAsync(db, kinds, http, ct));

    internal static async Task<List<NotificationSettingItem>> ReadAsync(TongxinDb db, NotificationKinds kinds, HttpContext http, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? "";
        var choices = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == me).ToDictionaryAsync(s => s.Kind, s => s.Enabled, ct);
        return kinds.For(http.User.RolesOf()).Select(k => new NotificationSettingItem(k.Code, k.Label, k.Description,
            !k.Switchable || choices.GetValueOrDefault(k.Code, k.DefaultEnabled), k.Switchable)).ToList();
    }
}

public static class UpdateNotificationSettings
{
    /// <summary>PUT /api/me/notification-settings <c>{items: [{kind, enabled}]}</c>: the kinds named are set; the others keep their state.</summary>
    public static async Task<Results<Ok<List<NotificationSettingItem>>, ValidationProblem>> Handle(NotificationSettingsBody body, TongxinDb db,
        NotificationKinds kinds, HttpContext http, CancellationToken ct)
    {
        var mine = kinds.For(http.User.RolesOf()).ToDictionary(k => k.Code);
        var errors = new Dictionary<string, string[]>();
        var items = body.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind is not { } code || !mine.TryGetValue(code, out var kind)) errors[$"items[{i}].kind"] = ["没有这种通知类型"];
            else if (!kind.Switchable && !items[i].Enabled) errors[$"items[{i}].kind"] = [$"“{kind.Label}”不能关闭"];
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var me = db.Actor.UserId ?? "";
        var existing = await db.NotificationSettings.Where(s => s.UserId == me).ToDictionaryAsync(s => s.Kind, ct);
        foreach (var item in items.Where(i => mine[i.Kind!].Switchable))
        {
            if (existing.TryGetValue(item.Kind!, out var row)) row.Enabled = item.Enabled;
            else db.NotificationSettings.Add(existing[item.Kind!] = new NotificationSetting { UserId = me, Kind = item.Kind!, Enabled = item.Enabled });
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetNotificationSettings.ReadAsync(db, kinds, http, ct));
    }
}
