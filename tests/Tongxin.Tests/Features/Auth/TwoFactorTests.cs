using System.Net;
using OtpNet;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

public sealed class TwoFactorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Code(string key, int stepOffset = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepOffset));

    [Fact]
    public async Task Totp_is_required_after_enabling_and_a_code_cannot_be_replayed()
    {
        var client = await app.SignInFresh("staff_jy", TestApp.Password);
        var setup = await ApiClient.ReadJson(await client.PostAsync("/api/auth/totp/setup"));
        var key = setup["sharedKey"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/", setup["authenticatorUri"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/auth/totp/enable", new { code = "000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/totp/enable", new { code = Code(key, -1) })).StatusCode);

        var noCode = await ApiClient.ReadJson(await app.Anonymous().PostAsync("/api/auth/login", new { userName = "staff_jy", password = TestApp.Password }), HttpStatusCode.Unauthorized);
        Assert.EndsWith("totp-required", noCode["type"]!.GetValue<string>());

        var code = Code(key);
        var ok = await app.Anonymous().PostAsync("/api/auth/login", new { userName = "staff_jy", password = TestApp.Password, totpCode = code });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var replay = await app.Anonymous().PostAsync("/api/auth/login", new { userName = "staff_jy", password = TestApp.Password, totpCode = code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        // Wrong codes count towards lockout even though the password is right.
        for (var i = 0; i < 5; i++)
            await app.Anonymous().PostAsync("/api/auth/login", new { userName = "staff_jy", password = TestApp.Password, totpCode = "123456" });
        var locked = await ApiClient.ReadJson(await app.Anonymous().PostAsync("/api/auth/login", new { userName = "staff_jy", password = TestApp.Password, totpCode = Code(key, 1) }), HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", locked["title"]!.GetValue<string>());
    }
}
