using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Hardening;

/// <summary>The API refuses guessable passwords, the product's name and the demo password, with the reason in Chinese.</summary>
public abstract class PasswordPolicyTests(TestApp app)
{
    [Theory]
    [InlineData("qwertyuiop12")]
    [InlineData("tongxin12345")]
    [InlineData("Tongxin-Demo-2026")]
    public async Task Creating_a_user_or_changing_a_password_refuses_weak_ones(string password)
    {
        var admin = await app.As("admin_city");
        var name = "pw_" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsync("/api/users", new { userName = name, password, displayName = "密码测试", regionCode = "510500", roles = new[] { "staff" } });
        var json = await ApiClient.ReadJson(created, HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var client = await app.SignInFresh("staff_nx", TestApp.Password);
        var changed = await client.PostAsync("/api/auth/change-password", new { currentPassword = TestApp.Password, newPassword = password });
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
    }
}

public sealed class PasswordPolicyTestsOnSqlite(SqliteApp app) : PasswordPolicyTests(app), IClassFixture<SqliteApp>;
public sealed class PasswordPolicyTestsOnPostgres(PostgresApp app) : PasswordPolicyTests(app), IClassFixture<PostgresApp>;
