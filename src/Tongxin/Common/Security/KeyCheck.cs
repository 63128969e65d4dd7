using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Common.Data;

namespace Tongxin.Common.Security;

/// <summary>The check value of one field key (<see cref="FieldProtector.CheckValues"/>), stored when the key is first used with this database.</summary>
public sealed class KeyCheckValue
{
    public string KeyId { get; set; } = "";
    public string Check { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class KeyCheckValueConfiguration : IEntityTypeConfiguration<KeyCheckValue>
{
    public void Configure(EntityTypeBuilder<KeyCheckValue> e)
    {
        e.HasKey(k => k.KeyId);
        e.Property(k => k.KeyId).HasMaxLength(64);
        e.Property(k => k.Check).HasMaxLength(64);
    }
}

/// <summary>
/// Keys are never silently replaced: at start, every key the database has a check value for must be in the keys
/// folder with that check value, and (for a database from before check values) the keys must read what is
/// encrypted. Otherwise the server stops with one line naming the folder to restore; a key file this start
/// generated is removed again so the folder is left as it was found.
/// </summary>
public static class KeyChecks
{
    public static async Task VerifyAsync(TongxinDb db, FieldProtector protector, CancellationToken ct)
    {
        var stored = await db.Set<KeyCheckValue>().AsNoTracking().ToDictionaryAsync(k => k.KeyId, k => k.Check, ct);
        var mine = protector.CheckValues();
        foreach (var (id, check) in stored.OrderBy(k => k.Key == FieldProtector.HashKeyId).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!mine.TryGetValue(id, out var have))
                Refuse(protector, $"数据库中的加密数据使用密钥“{id}”，但密钥文件夹 {protector.KeysDirectory} 中没有该密钥：请从与该数据库同时备份的 keys 文件夹恢复 {protector.KeysDirectory} 后再启动 (the keys folder lacks key '{id}' the database was encrypted with: restore {protector.KeysDirectory} from the backup taken with this database).");
            else if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(have), Convert.FromHexString(check)))
                Refuse(protector, $"密钥文件夹 {protector.KeysDirectory} 中的密钥“{id}”与数据库记录的校验值不符：请恢复与该数据库配套的 {protector.KeysDirectory} 后再启动 (key '{id}' in {protector.KeysDirectory} does not match this database: restore the keys folder that belongs to it).");
        }
        if (stored.Count == 0)
        {
            // A database from before check values: its encrypted fields must open with these keys.
            foreach (var sql in SampleQueries)
            {
                var sample = (await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct)).FirstOrDefault();
                if (sample is null) continue;
                try { protector.Decrypt(sample); }
                catch (Exception e) when (e is CryptographicException or FormatException or KeyNotFoundException)
                {
                    Refuse(protector, $"数据库中已有加密数据，但密钥文件夹 {protector.KeysDirectory} 中的密钥无法解密：请从与该数据库同时备份的 keys 文件夹恢复 {protector.KeysDirectory} 后再启动 (the database holds encrypted data these keys cannot read: restore {protector.KeysDirectory} from the backup taken with this database).");
                }
            }
        }
        var now = DateTime.UtcNow;
        var added = false;
        foreach (var (id, check) in mine)
            if (!stored.ContainsKey(id))
            {
                db.Set<KeyCheckValue>().Add(new KeyCheckValue { KeyId = id, Check = check, CreatedAt = now });
                added = true;
            }
        if (added) await db.SaveChangesAsync(ct);
    }

    private static readonly string[] SampleQueries =
    [
        "SELECT \"IdNumberCipher\" AS \"Value\" FROM \"Figures\" WHERE \"IdNumberCipher\" IS NOT NULL LIMIT 1",
        "SELECT \"PhoneCipher\" AS \"Value\" FROM \"Figures\" WHERE \"PhoneCipher\" IS NOT NULL LIMIT 1",
        "SELECT \"HomeAddressCipher\" AS \"Value\" FROM \"Figures\" WHERE \"HomeAddressCipher\" IS NOT NULL LIMIT 1",
    ];

    private static void Refuse(FieldProtector protector, string message)
    {
        if (protector.Created)
        {
            // This start generated the keys it found wanting: leave the folder as the operator left it.
            try { File.Delete(Path.Combine(protector.KeysDirectory, FieldProtector.KeyFileName)); } catch (IOException) { }
        }
        throw new ConfigurationException(message);
    }
}
