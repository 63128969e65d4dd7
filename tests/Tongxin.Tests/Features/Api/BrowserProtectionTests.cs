using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Api;

/// <summary>Pages and API answers carry the browser protections; personal data is never cached.</summary>
public class BrowserProtectionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/figures")]
    [InlineData("/api/me")]
    [InlineData("/health")]
    public async Task Every_answer_forbids_framing_sniffing_and_inline_script(string url)
    {
        var response = await (await app.As("staff_city")).GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches(@"script-src 'self'(;|$)", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/figures?pageSize=5")]
    public async Task Api_answers_with_personal_data_are_not_cached(string url)
    {
        var response = await (await app.As("staff_city")).GetAsync(url);
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }
}
