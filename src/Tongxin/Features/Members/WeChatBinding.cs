using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Security;
using Tongxin.Features.Notifications;

namespace Tongxin.Features.Members;

/// <summary>
/// A member's WeChat binding: <paramref name="Available"/> when the office configured an official account;
/// <paramref name="AuthorizeUrl"/> the WeChat page to open (inside WeChat) to bind, while not bound.
/// </summary>
public sealed record WeChatBindingState(bool Available, bool Bound, string? AuthorizeUrl);

public sealed record BindWeChatRequest(string? Code, string? State);

/// <summary>
/// Binding a member's WeChat so that notifications reach them as template messages: the member app sends the person
/// to WeChat's authorisation page, WeChat returns to the settings page with a <c>code</c>, the server exchanges it for
/// the openid (<see cref="IWeChatOAuth"/>) and records it as the user's external login "WeChat" (hash as key,
/// encrypted openid; <see cref="WeChatOpenIds"/>). The <c>state</c> is a short-lived token of the user, so a code
/// cannot be bound to someone else's account.
/// </summary>
public static class WeChatBinding
{
    public const string SettingsPath = "/m/settings";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(15);

    private static ITimeLimitedDataProtector StateProtector(IDataProtectionProvider dp) =>
        dp.CreateProtector("Tongxin.Members.WeChatBind").ToTimeLimitedDataProtector();

    private static string? UserId(ClaimsPrincipal me) => me.FindFirstValue(ClaimTypes.NameIdentifier);

    private static Task<bool> IsBound(TongxinDb db, string userId) =>
        db.UserLogins.AnyAsync(l => l.UserId == userId && l.LoginProvider == WeChatChannel.LoginProvider);

    public static async Task<WeChatBindingState> Get(ClaimsPrincipal me, TongxinDb db, IWeChatOAuth oauth, IDataProtectionProvider dp,
        NotificationOptions options, HttpContext http)
    {
        var userId = UserId(me)!;
        var bound = await IsBound(db, userId);
        string? url = null;
        if (oauth.Configured && !bound)
        {
            var origin = string.IsNullOrWhiteSpace(options.WeChat.LinkBase) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.WeChat.LinkBase.TrimEnd('/');
            url = oauth.AuthorizeUrl(origin + SettingsPath, StateProtector(dp).Protect(userId, StateLifetime));
        }
        return new WeChatBindingState(oauth.Configured, bound, url);
    }

    public static async Task<Results<Ok<WeChatBindingState>, ValidationProblem, ConflictProblem>> Bind(BindWeChatRequest request,
        ClaimsPrincipal me, TongxinDb db, IWeChatOAuth oauth, IDataProtectionProvider dp, FieldProtector protector, CancellationToken ct)
    {
        var userId = UserId(me)!;
        if (!oauth.Configured) return Problems.Validation("code", "本单位未配置微信公众号，暂不能绑定微信");
        if (string.IsNullOrWhiteSpace(request.Code)) return Problems.Validation("code", "缺少微信授权码，请重新授权");
        string? stateUser;
        try { stateUser = StateProtector(dp).Unprotect(request.State ?? ""); }
        catch (CryptographicException) { stateUser = null; }
        if (stateUser != userId) return Problems.Validation("state", "授权已过期或不属于当前账号，请重新绑定");

        var result = await oauth.ExchangeAsync(request.Code.Trim(), ct);
        if (result.OpenId is not { } openId) return Problems.Validation("code", result.Error ?? "微信授权失败，请重新授权");
        var key = WeChatOpenIds.Key(protector, openId);
        var holder = await db.UserLogins.Where(l => l.LoginProvider == WeChatChannel.LoginProvider && l.ProviderKey == key).Select(l => l.UserId).FirstOrDefaultAsync(ct);
        if (holder is not null && holder != userId) return Problems.Conflict("该微信已绑定其他账号，请先在该账号中解除绑定");
        if (holder is null)
        {
            // One WeChat per account: a new binding replaces an earlier one.
            await db.UserLogins.Where(l => l.UserId == userId && l.LoginProvider == WeChatChannel.LoginProvider).ExecuteDeleteAsync(ct);
            db.UserLogins.Add(new IdentityUserLogin<string>
            {
                LoginProvider = WeChatChannel.LoginProvider,
                ProviderKey = key,
                ProviderDisplayName = WeChatOpenIds.Stored(protector, openId),
                UserId = userId,
            });
            await Audit(db, userId, "wechat-bind", "绑定微信（接收微信消息提醒）", ct); // saves the binding with its audit line
        }
        return TypedResults.Ok(new WeChatBindingState(true, true, null));
    }

    public static async Task<NoContent> Unbind(ClaimsPrincipal me, TongxinDb db, CancellationToken ct)
    {
        var userId = UserId(me)!;
        // Directly, not through UserManager.RemoveLoginAsync: that renews the security stamp and would sign the member out.
        var removed = await db.UserLogins.Where(l => l.UserId == userId && l.LoginProvider == WeChatChannel.LoginProvider).ExecuteDeleteAsync(ct);
        if (removed > 0) await Audit(db, userId, "wechat-unbind", "解除微信绑定", ct);
        return TypedResults.NoContent();
    }

    private static async Task Audit(TongxinDb db, string userId, string action, string summary, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.RegionCode, u.FigureId }).FirstAsync(ct);
        await db.LogAsync(action, "User", userId, $"{user.UserName} {summary}", user.RegionCode, user.FigureId, ct);
    }
}
