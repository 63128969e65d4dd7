using System.Net.Http.Json;

namespace Tongxin.Features.Notifications;

/// <summary>What WeChat's web authorisation answered for a code: the openid, or why there is none.</summary>
public sealed record WeChatOAuthResult(string? OpenId, string? Error);

/// <summary>
/// The official account's web authorisation (网页授权, <c>snsapi_base</c>): where to send the person, and the exchange of
/// the <c>code</c> WeChat returns for their openid in this official account. Configured by
/// <c>Tongxin:Notifications:WeChat</c> (<c>AppId</c>, <c>AppSecret</c>, <c>ApiBase</c>, <c>AuthorizeBase</c>); tests
/// replace it with a fake so that nothing reaches the network.
/// </summary>
public interface IWeChatOAuth
{
    /// <summary>An official account is configured (binding is offered only then).</summary>
    bool Configured { get; }

    /// <summary>The authorisation page to open in WeChat; it returns to <paramref name="redirectUri"/> with <c>code</c> and <c>state</c>.</summary>
    string AuthorizeUrl(string redirectUri, string state);

    Task<WeChatOAuthResult> ExchangeAsync(string code, CancellationToken ct);
}

/// <summary>The real exchange: <c>GET {ApiBase}/sns/oauth2/access_token?appid=…&amp;secret=…&amp;code=…&amp;grant_type=authorization_code</c>.</summary>
public sealed class WeChatOAuth(NotificationOptions options, IHttpClientFactory http, ILogger<WeChatOAuth> log) : IWeChatOAuth
{
    public const string HttpClientName = "wechat-oauth";

    public bool Configured => !string.IsNullOrWhiteSpace(options.WeChat.AppId) && !string.IsNullOrWhiteSpace(options.WeChat.AppSecret);

    public string AuthorizeUrl(string redirectUri, string state)
    {
        var o = options.WeChat;
        return $"{o.AuthorizeBase}?appid={Uri.EscapeDataString(o.AppId ?? "")}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
            $"&response_type=code&scope=snsapi_base&state={Uri.EscapeDataString(state)}#wechat_redirect";
    }

    public async Task<WeChatOAuthResult> ExchangeAsync(string code, CancellationToken ct)
    {
        var o = options.WeChat;
        var url = $"{o.ApiBase.TrimEnd('/')}/sns/oauth2/access_token?appid={Uri.EscapeDataString(o.AppId ?? "")}" +
            $"&secret={Uri.EscapeDataString(o.AppSecret ?? "")}&code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        try
        {
            // WeChat answers 200 with either {openid, access_token, …} or {errcode, errmsg}.
            var answer = await http.CreateClient(HttpClientName).GetFromJsonAsync<Answer>(url, ct);
            if (answer?.openid is { Length: > 0 } openId) return new WeChatOAuthResult(openId, null);
            log.LogWarning("WeChat OAuth exchange answered errcode {Code}: {Message}", answer?.errcode, answer?.errmsg);
            return new WeChatOAuthResult(null, "微信授权已失效，请重新授权");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            log.LogWarning(e, "WeChat OAuth exchange failed");
            return new WeChatOAuthResult(null, "暂时无法连接微信，请稍后再试");
        }
    }

    private sealed record Answer(string? openid, int? errcode, string? errmsg);
}
