using Tongxin.Common.Auth;

namespace Tongxin.Features.Notifications;

/// <summary>
/// A kind of notification: its code, its name in the settings page, who receives it (roles) and whether it is on
/// until the user says otherwise. A feature registers its kinds with <see cref="NotificationsRegistration.AddNotificationKind"/>.
/// </summary>
public sealed record NotificationKind(string Code, string Label, string Description, IReadOnlyList<string> Roles,
    bool DefaultEnabled = true, bool Switchable = true);

/// <summary>The kinds every feature registered, by code.</summary>
public sealed class NotificationKinds(IEnumerable<NotificationKind> kinds)
{
    private readonly Dictionary<string, NotificationKind> _byCode = kinds.ToDictionary(k => k.Code);

    public IReadOnlyCollection<NotificationKind> All => _byCode.Values;

    public NotificationKind Get(string code) =>
        _byCode.TryGetValue(code, out var kind) ? kind : throw new InvalidOperationException($"notification kind '{code}' is not registered");

    public bool TryGet(string code, out NotificationKind kind) => _byCode.TryGetValue(code, out kind!);

    /// <summary>The kinds a user with these roles may receive, in registration order.</summary>
    public IEnumerable<NotificationKind> For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return _byCode.Values.Where(k => k.Roles.Any(set.Contains));
    }

    public const string Notice = "notice";
    public const string Birthday = "birthday";

    /// <summary>The kinds this feature raises itself.</summary>
    internal static readonly NotificationKind[] Own =
    [
        new(Notice, "通知公告", "工作人员发布的通知公告（不可关闭）", Roles.All, DefaultEnabled: true, Switchable: false),
        new(Birthday, "人士生日提醒", "本地区网络人士生日当天提醒（需开启）", [Roles.Staff, Roles.Admin, Roles.Cadre, Roles.Association], DefaultEnabled: false),
    ];
}
