using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Notifications;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Members;

/// <summary>
/// A member binds their WeChat (code → openid through a fake <see cref="IWeChatOAuth"/>), the WeChat channel then
/// delivers to them (through a fake WeChat API handler: nothing reaches the network), and unbinding stops it.
/// </summary>
public abstract class WeChatBindingTests(TestApp app)
{
    /// <summary>code "ok-X" answers openid "o-X"; any other code is refused, as WeChat does for a used or stale code.</summary>
    private sealed class FakeOAuth : IWeChatOAuth
    {
        public bool Configured => true;
        public string AuthorizeUrl(string redirectUri, string state) =>
            $"https://wechat.invalid/authorize?appid=wx-test&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}";
        public Task<WeChatOAuthResult> ExchangeAsync(string code, CancellationToken ct) =>
            Task.FromResult(code.StartsWith("ok-", StringComparison.Ordinal) ? new WeChatOAuthResult("o-" + code[3..], null) : new WeChatOAuthResult(null, "微信授权已失效，请重新授权"));
    }

    /// <summary>Answers WeChat's token and template-message calls, recording each message's recipient.</summary>
    private sealed class FakeWeChatApi : HttpMessageHandler
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/cgi-bin/token", StringComparison.Ordinal))
                return Json("""{"access_token":"token-1","expires_in":7200}""");
            if (path.EndsWith("/cgi-bin/message/template/send", StringComparison.Ordinal))
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!;
                Sent.Enqueue(body["touser"]!.GetValue<string>());
                return Json("""{"errcode":0,"errmsg":"ok"}""");
            }
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        private static HttpResponseMessage Json(string s) => new(HttpStatusCode.OK) { Content = new StringContent(s, Encoding.UTF8, "application/json") };
    }

    private readonly FakeWeChatApi _api = new();

    private WebApplicationFactory<Program> Configured() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Tongxin:Notifications:WeChat:AppId", "wx-test");
        b.UseSetting("Tongxin:Notifications:WeChat:AppSecret", "secret");
        b.UseSetting("Tongxin:Notifications:WeChat:TemplateId", "tpl-1");
        b.UseSetting("Tongxin:Notifications:WeChat:ApiBase", "https://wechat.invalid");
        b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IWeChatOAuth, FakeOAuth>();
            s.AddHttpClient("wechat").ConfigurePrimaryHttpMessageHandler(() => _api);
        });
    });

    private static async Task<ApiClient> SignIn(WebApplicationFactory<Program> factory, string userName)
    {
        var cookies = new CookieContainer();
        var client = new ApiClient(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/auth/login", new { userName, password = TestApp.Password })).StatusCode);
        return client;
    }

    /// <summary>A member user linked to a figure of their own.</summary>
    private async Task<(string Id, string Name)> NewMember()
    {
        var name = "wx_" + Guid.NewGuid().ToString("N")[..10];
        var figure = await app.CreateFigure("staff_city", new { name = "微信" + name[^4..], regionCode = "510502" });
        var id = await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = "510502", FigureId = figure, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Member);
            return user.Id;
        });
        return (id, name);
    }

    private static async Task<string> State(ApiClient member)
    {
        var state = await member.GetJson("/api/me/wechat");
        Assert.True(state["available"]!.GetValue<bool>());
        Assert.False(state["bound"]!.GetValue<bool>());
        var url = new Uri(state["authorizeUrl"]!.GetValue<string>());
        Assert.EndsWith("/m/settings", HttpUtility.ParseQueryString(url.Query)["redirect_uri"]);
        return HttpUtility.ParseQueryString(url.Query)["state"]!;
    }

    private static async Task Notify(WebApplicationFactory<Program> factory, string userId, string title)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(UnrestrictedScope.Instance);
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync([userId], NotificationKinds.Notice, title, "正文", "/m/inbox");
    }

    [Fact]
    public async Task A_member_binds_wechat_receives_template_messages_and_unbinds()
    {
        await using var factory = Configured();
        var (id, name) = await NewMember();
        var (otherId, otherName) = await NewMember();
        var member = await SignIn(factory, name);
        var other = await SignIn(factory, otherName);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var state = await State(member);
        var otherState = await State(other);
        // Bad code, someone else's state, no state: refused, nothing stored.
        Assert.NotNull((await ApiClient.ReadJson(await member.PostAsync("/api/me/wechat", new { code = "stale", state }), HttpStatusCode.BadRequest))["errors"]!["code"]);
        Assert.NotNull((await ApiClient.ReadJson(await member.PostAsync("/api/me/wechat", new { code = "ok-" + tag, state = otherState }), HttpStatusCode.BadRequest))["errors"]!["state"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsync("/api/me/wechat", new { code = "ok-" + tag })).StatusCode);
        Assert.False(await app.WithDb((db, _) => db.UserLogins.AnyAsync(l => l.UserId == id)));

        var bound = await ApiClient.ReadJson(await member.PostAsync("/api/me/wechat", new { code = "ok-" + tag, state }));
        Assert.True(bound["bound"]!.GetValue<bool>());
        Assert.True((await member.GetJson("/api/me/wechat"))["bound"]!.GetValue<bool>());
        var login = await app.WithDb((db, _) => db.UserLogins.AsNoTracking().SingleAsync(l => l.UserId == id));
        Assert.Equal(WeChatChannel.LoginProvider, login.LoginProvider);
        Assert.DoesNotContain("o-" + tag, login.ProviderKey + login.ProviderDisplayName); // neither key nor stored value is the openid
        Assert.True(await app.WithDb((db, _) => db.AuditEntries.AnyAsync(a => a.Action == "wechat-bind" && a.EntityId == id)));

        // The same WeChat cannot be bound to a second account.
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsync("/api/me/wechat", new { code = "ok-" + tag, state = otherState })).StatusCode);

        await Notify(factory, id, "微信送达" + tag);
        await Notify(factory, otherId, "未绑定" + tag);
        Assert.Equal(["o-" + tag], _api.Sent.Where(s => s.EndsWith(tag, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync("/api/me/wechat")).StatusCode);
        Assert.False((await member.GetJson("/api/me/wechat"))["bound"]!.GetValue<bool>()); // still signed in
        await Notify(factory, id, "解绑后" + tag);
        Assert.Single(_api.Sent, s => s == "o-" + tag);
        Assert.Equal(1, await app.WithDb((db, _) => db.Notifications.CountAsync(n => n.UserId == id && n.Title == "解绑后" + tag))); // the inbox still has it

        // Staff have no member settings: the binding is a member's.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("staff_jy")).GetAsync("/api/me/wechat")).StatusCode);
    }

    [Fact]
    public async Task Without_an_official_account_binding_is_not_offered()
    {
        var (_, name) = await NewMember();
        var member = await app.SignInFresh(name, TestApp.Password);
        var state = await member.GetJson("/api/me/wechat");
        Assert.False(state["available"]!.GetValue<bool>());
        Assert.Null(state["authorizeUrl"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsync("/api/me/wechat", new { code = "ok-x", state = "x" })).StatusCode);
    }
}

public sealed class WeChatBindingTestsOnSqlite(SqliteApp app) : WeChatBindingTests(app), IClassFixture<SqliteApp>;
public sealed class WeChatBindingTestsOnPostgres(PostgresApp app) : WeChatBindingTests(app), IClassFixture<PostgresApp>;
