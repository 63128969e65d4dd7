using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tongxin.Common.Http;

/// <summary>
/// What the browser is told to enforce: a Content-Security-Policy without inline script, no framing, no MIME
/// sniffing, a strict referrer; API answers (personal data) are never cached. Behind a TLS-terminating proxy
/// listed in <c>Tongxin:KnownProxies</c>, the forwarded scheme makes cookies <c>Secure</c>.
/// </summary>
public static class BrowserProtection
{
    /// <summary>The policy for the app's own pages: its script and style files, data: images, its own API.</summary>
    private static readonly HeaderPolicyCollection AppPolicy = new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            // Element Plus and ECharts position elements with inline style attributes.
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data().Blob();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    /// <summary>The interactive API docs (/scalar) run inline script; they get every header but the script policy.</summary>
    private static readonly HeaderPolicyCollection DocsPolicy = new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentSecurityPolicy(csp => csp.AddFrameAncestors().None());

    public static IServiceCollection AddForwardedHeadersFromProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("Tongxin:KnownProxies").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy.Trim(), out var address))
                    throw new ConfigurationException($"Tongxin:KnownProxies 中的 '{proxy}' 不是 IP 地址 (a known proxy must be an IP address).");
                o.KnownProxies.Add(address);
            }
        });
    }

    public static WebApplication UseBrowserProtection(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/scalar"), docs => docs.UseSecurityHeaders(DocsPolicy));
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/scalar"), pages => pages.UseSecurityHeaders(AppPolicy));
        app.Use((ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
                ctx.Response.OnStarting(() =>
                {
                    ctx.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            return next(ctx);
        });
        return app;
    }
}
