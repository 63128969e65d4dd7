using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Security;
using Tongxin.Features.Organizations;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Organizations;

/// <summary>
/// An organization's liaison phone is personal data like a figure's phone: stored encrypted, shown masked, revealed
/// only with an access-log line, never written in plain text to the audit; a value left out of an update is kept.
/// </summary>
public abstract class LiaisonPhoneTests(TestApp app)
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task The_liaison_phone_is_stored_encrypted_shown_masked_and_revealed_with_an_access_log_line()
    {
        var jy = await app.As("staff_jy");
        var created = await ApiClient.ReadJson(await jy.PostAsync("/api/organizations",
            new { name = "联络电话加密公司", regionCode = "510502", liaisonPhone = Phone }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();

        var detail = await ApiClient.ReadJson(await jy.GetAsync($"/api/organizations/{id}"), HttpStatusCode.OK);
        Assert.Equal("139****5678", detail["liaisonPhoneMasked"]!.GetValue<string>());
        Assert.DoesNotContain(Phone, detail.ToJsonString());

        var stored = await app.WithDb((db, _) => db.Organizations.Where(o => o.Id == id).Select(o => o.LiaisonPhoneCipher).SingleAsync());
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain(Phone, stored);
        var audit = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.EntityType == "Organization" && a.EntityId == id.ToString())
            .Select(a => a.Summary + a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, line => Assert.DoesNotContain(Phone, line));

        // An update that leaves the phone out keeps it.
        var version = detail["version"]!.GetValue<int>();
        await ApiClient.ReadJson(await jy.PutAsync($"/api/organizations/{id}",
            new { name = "联络电话加密公司", regionCode = "510502", liaisonPhone = (string?)null, address = "江阳区", version }), HttpStatusCode.OK);

        var revealed = await ApiClient.ReadJson(await jy.PostAsync($"/api/organizations/{id}/reveal-liaison-phone", new { }), HttpStatusCode.OK);
        Assert.Equal(Phone, revealed["value"]!.GetValue<string>());
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a =>
            a.Action == "reveal" && a.EntityType == "Organization" && a.EntityId == id.ToString() && a.RegionCode == "510502")));

        // Another district's user gets nothing, and no line is written for the attempt.
        var nx = await app.As("staff_nx");
        Assert.Equal(HttpStatusCode.NotFound, (await nx.PostAsync($"/api/organizations/{id}/reveal-liaison-phone", new { })).StatusCode);
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.Action == "reveal" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task A_plain_text_phone_left_by_an_earlier_version_is_encrypted_at_start()
    {
        var id = await app.WithDb(async (db, _) =>
        {
            var o = new Tongxin.Features.Figures.Organization { Name = "旧版明文电话公司", RegionCode = "510502", LiaisonPhoneCipher = "0830-2345678" };
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        await app.WithDb(async (db, sp) =>
        {
            var task = new EncryptLiaisonPhones(sp.GetRequiredService<FieldProtector>());
            await task.RunAsync(db, NullLogger.Instance, CancellationToken.None);
            return 0;
        });
        var (cipher, masked) = await app.WithDb(async (db, sp) =>
        {
            var o = await db.Organizations.AsNoTracking().SingleAsync(x => x.Id == id);
            return (o.LiaisonPhoneCipher, o.LiaisonPhoneMasked);
        });
        Assert.StartsWith("v1:", cipher);
        Assert.Equal("0830-*****78", masked);
        Assert.Equal("0830-2345678", await app.WithDb((_, sp) => Task.FromResult(sp.GetRequiredService<FieldProtector>().Decrypt(cipher))));
    }
}

public sealed class LiaisonPhoneTestsOnSqlite(SqliteApp app) : LiaisonPhoneTests(app), IClassFixture<SqliteApp>;
public sealed class LiaisonPhoneTestsOnPostgres(PostgresApp app) : LiaisonPhoneTests(app), IClassFixture<PostgresApp>;
