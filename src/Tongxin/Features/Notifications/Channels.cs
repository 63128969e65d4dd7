using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;

namespace Tongxin.Features.Notifications;

/// <summary>
/// A way a notification leaves the inbox (SMS, WeChat). The inbox row is always written first; a channel only
/// delivers a copy. Channels are chosen in settings (<c>Tongxin:Notifications</c>); with none configured the
/// logging channel is the only one, so nothing leaves the machine.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }
    Task DeliverAsync(NotificationMessage message, IReadOnlyList<string> userIds, CancellationToken ct);
}

/// <summary>Settings under <c>Tongxin:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public SmsOptions Sms { get; set; } = new();
    public WeChatOptions WeChat { get; set; } = new();

    public sealed class SmsOptions
    {
        /// <summary>The office's SMS gateway: a POST of <c>{phone, text}</c> as JSON per recipient. Empty: no SMS.</summary>
        public string? Url { get; set; }
        /// <summary>Sent as a Bearer token.</summary>
        public string? Token { get; set; }
        /// <summary>The kinds sent by SMS; empty: every kind.</summary>
        public string[] Kinds { get; set; } = [];
    }

    public sealed class WeChatOptions
    {
        /// <summary>The official account's AppId. Empty: no WeChat messages.</summary>
        public string? AppId { get; set; }
        public string? AppSecret { get; set; }
        public string? TemplateId { get; set; }
        /// <summary>Base address the message links to (the app's public address); empty: no link.</summary>
        public string? LinkBase { get; set; }
        public string ApiBase { get; set; } = "https://api.weixin.qq.com";
        /// <summary>The web authorisation page the member app sends a person to, to bind their WeChat (their openid).</summary>
        public string AuthorizeBase { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";
        /// <summary>The template's data keys for the title and the body.</summary>
        public string TitleKey { get; set; } = "thing1";
        public string BodyKey { get; set; } = "thing2";
        public string[] Kinds { get; set; } = [];
    }
}

/// <summary>The default: writes one log line per message, sends nothing.</summary>
public sealed class LoggingChannel(ILogger<LoggingChannel> log) : INotificationChannel
{
    public string Name => "log";

    public Task DeliverAsync(NotificationMessage message, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        log.LogInformation("Notification {Kind} \"{Title}\" to {Count} users (in-app only; no SMS or WeChat configured)",
            message.Kind, message.Title, userIds.Count);
        return Task.CompletedTask;
    }
}

/// <summary>SMS through the office's gateway to the users' registered mobile numbers (AppUser.PhoneNumber).</summary>
public sealed class SmsChannel(NotificationOptions options, IHttpClientFactory http, IServiceProvider services, ILogger<SmsChannel> log) : INotificationChannel
{
    public string Name => "sms";

    public async Task DeliverAsync(NotificationMessage message, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var o = options.Sms;
        if (o.Kinds.Length > 0 && !o.Kinds.Contains(message.Kind)) return;
        var phones = await Lookup.PhonesAsync(services, userIds, ct);
        var client = http.CreateClient(Name);
        var text = message.Body is null ? message.Title : $"{message.Title}：{message.Body}";
        foreach (var phone in phones)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = JsonContent.Create(new { phone, text }) };
            if (!string.IsNullOrEmpty(o.Token)) request.Headers.Authorization = new("Bearer", o.Token);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) log.LogWarning("SMS gateway answered {Status}", (int)response.StatusCode);
        }
    }
}

/// <summary>
/// WeChat template messages through the official account's API, to users whose WeChat openid is recorded as an
/// external login (provider "WeChat") on their account: the key is the openid's keyed hash (one account per openid),
/// the display name the openid encrypted (<see cref="WeChatOpenIds"/>); members bind it in the member app.
/// </summary>
public sealed class WeChatChannel(NotificationOptions options, IHttpClientFactory http, IServiceProvider services, ILogger<WeChatChannel> log) : INotificationChannel
{
    public const string LoginProvider = "WeChat";
    private string? _token;
    private DateTime _tokenUntil;
    private readonly SemaphoreSlim _tokenLock = new(1);

    public string Name => "wechat";

    public async Task DeliverAsync(NotificationMessage message, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var o = options.WeChat;
        if (o.Kinds.Length > 0 && !o.Kinds.Contains(message.Kind)) return;
        var openIds = await Lookup.OpenIdsAsync(services, userIds, ct);
        if (openIds.Count == 0) return;
        var client = http.CreateClient(Name);
        var token = await TokenAsync(client, ct);
        var url = string.IsNullOrEmpty(o.LinkBase) || message.Link is null ? null : o.LinkBase.TrimEnd('/') + message.Link;
        foreach (var openId in openIds)
        {
            var body = new Dictionary<string, object?>
            {
                ["touser"] = openId,
                ["template_id"] = o.TemplateId,
                ["url"] = url,
                ["data"] = new Dictionary<string, object>
                {
                    [o.TitleKey] = new { value = message.Title },
                    [o.BodyKey] = new { value = message.Body ?? "" },
                },
            };
            using var response = await client.PostAsJsonAsync($"{o.ApiBase}/cgi-bin/message/template/send?access_token={Uri.EscapeDataString(token)}", body, ct);
            if (!response.IsSuccessStatusCode) log.LogWarning("WeChat template message answered {Status}", (int)response.StatusCode);
        }
    }

    private async Task<string> TokenAsync(HttpClient client, CancellationToken ct)
    {
        await _tokenLock.WaitAsync(ct);
        try
        {
            if (_token is not null && DateTime.UtcNow < _tokenUntil) return _token;
            var o = options.WeChat;
            var answer = await client.GetFromJsonAsync<TokenAnswer>(
                $"{o.ApiBase}/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(o.AppId!)}&secret={Uri.EscapeDataString(o.AppSecret ?? "")}", ct);
            if (answer?.access_token is null) throw new InvalidOperationException("WeChat returned no access token");
            _token = answer.access_token;
            _tokenUntil = DateTime.UtcNow.AddSeconds(Math.Max(60, answer.expires_in - 300));
            return _token;
        }
        finally { _tokenLock.Release(); }
    }

    private sealed record TokenAnswer(string? access_token, int expires_in);
}

internal static class Lookup
{
    public static async Task<List<string>> PhonesAsync(IServiceProvider services, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        var phones = new List<string>();
        foreach (var chunk in userIds.Chunk(500))
        {
            var ids = chunk.ToList();
            phones.AddRange(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.PhoneNumber != null).Select(u => u.PhoneNumber!).ToListAsync(ct));
        }
        return phones;
    }

    public static async Task<List<string>> OpenIdsAsync(IServiceProvider services, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        using var scope = services.CreateUnrestrictedScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDb>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var openIds = new List<string>();
        foreach (var chunk in userIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var stored = await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider == WeChatChannel.LoginProvider && ids.Contains(l.UserId))
                .Select(l => l.ProviderDisplayName).ToListAsync(ct);
            openIds.AddRange(stored.Select(protector.Decrypt).OfType<string>());
        }
        return openIds;
    }
}

/// <summary>How an openid is kept: never in plain text; the hash finds and de-duplicates it, the ciphertext is sent from.</summary>
public static class WeChatOpenIds
{
    public static string Key(FieldProtector protector, string openId) => protector.Hash(openId)!;

    public static string Stored(FieldProtector protector, string openId) => protector.Encrypt(openId)!;
}
