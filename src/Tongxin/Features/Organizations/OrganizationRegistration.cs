using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Organizations;

public static class OrganizationRegistration
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, EncryptLiaisonPhones>();
        return services;
    }
}

/// <summary>
/// Liaison phones were once stored in plain text; the migration that made them sensitive renamed the column, and this
/// task encrypts any value it finds not yet encrypted (once: afterwards every value starts with the cipher's prefix).
/// </summary>
internal sealed class EncryptLiaisonPhones(FieldProtector protector) : IStartupTask
{
    public int Order => 210;

    public async Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct)
    {
        var plain = await db.Organizations
            // Start-up tasks run unrestricted: every region's organizations are read.
            .Where(o => o.LiaisonPhoneCipher != null && !o.LiaisonPhoneCipher.StartsWith("v1:")).ToListAsync(ct);
        if (plain.Count == 0) return;
        foreach (var o in plain)
        {
            var phone = o.LiaisonPhoneCipher!;
            o.LiaisonPhoneCipher = protector.Encrypt(phone);
            o.LiaisonPhoneMasked = PhoneNumber.Mask(phone);
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Encrypted {Count} organizations' liaison phones stored in plain text", plain.Count);
    }
}
