using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Auth;

/// <summary>The cookie and anti-forgery keys in the database are encrypted with the field key from the keys folder.</summary>
public abstract class KeyRingEncryptionTests(TestApp app)
{
    [Fact]
    public async Task Data_protection_keys_are_stored_encrypted_and_sign_in_works()
    {
        var client = await app.As("staff_city");
        Assert.True((await client.GetAsync("/api/me")).IsSuccessStatusCode);
        var keys = await app.WithDb((db, _) => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }
}

public sealed class KeyRingEncryptionTestsOnSqlite(SqliteApp app) : KeyRingEncryptionTests(app), IClassFixture<SqliteApp>;
public sealed class KeyRingEncryptionTestsOnPostgres(PostgresApp app) : KeyRingEncryptionTests(app), IClassFixture<PostgresApp>;
