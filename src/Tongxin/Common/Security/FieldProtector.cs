using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tongxin.Common.Security;

/// <summary>
/// Encrypts sensitive fields (ID number, phone, home address) with AES-256-GCM under a key id, and
/// computes a keyed hash (HMAC-SHA256) of the normalized value for uniqueness, matching and exact search.
/// Keys live outside the database: a 0600 file in the keys folder of the data directory.
/// </summary>
public sealed class FieldProtector
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _hashKey;

    private FieldProtector(KeyFile file, string keysDirectory, bool created)
    {
        KeysDirectory = keysDirectory;
        Created = created;
        _keys = file.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _currentKeyId = file.CurrentKeyId;
        _hashKey = Convert.FromBase64String(file.HashKey);
    }

    public const string KeyFileName = "field-keys.json";

    /// <summary>The folder the keys were read from (named when they do not match the database).</summary>
    public string KeysDirectory { get; }

    /// <summary>True when this start generated the key file (there was none).</summary>
    public bool Created { get; }

    /// <summary>
    /// A new key id that no other installation or earlier key shares (time and randomness): a key generated for a
    /// copied database never takes the id of the key its data was encrypted with.
    /// </summary>
    public static string NewKeyId() =>
        $"k{DateTime.UtcNow:yyyyMMddHHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";

    /// <summary>
    /// A check value per key (the encryption keys by id, the hash key as "hash"): a keyed hash of a fixed text, so
    /// the database can tell whether the keys folder is the one its data was written with without holding the keys.
    /// </summary>
    public IReadOnlyDictionary<string, string> CheckValues()
    {
        static string Check(byte[] key) => Convert.ToHexString(HMACSHA256.HashData(key, "tongxin key check v1"u8))[..32];
        var checks = _keys.ToDictionary(k => k.Key, k => Check(k.Value));
        checks[HashKeyId] = Check(_hashKey);
        return checks;
    }

    public const string HashKeyId = "hash";

    /// <summary>Loads the key file from the folder, creating it with fresh keys on first start.</summary>
    public static FieldProtector LoadOrCreate(string keysDirectory)
    {
        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, KeyFileName);
        var created = false;
        if (!File.Exists(path))
        {
            var id = NewKeyId();
            var file = new KeyFile
            {
                CurrentKeyId = id,
                Keys = new() { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            };
            var tmp = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(file));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Another server sharing the folder may have created it first: then theirs wins.
            try { File.Move(tmp, path); created = true; }
            catch (IOException) when (File.Exists(path)) { File.Delete(tmp); }
        }
        return new FieldProtector(JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"Unreadable key file {path}"), keysDirectory, created);
    }

    public string? Encrypt(string? plain)
    {
        if (string.IsNullOrEmpty(plain)) return null;
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        Cipher(_currentKeyId).Encrypt(nonce, data, cipher, tag, Encoding.ASCII.GetBytes(_currentKeyId));
        return $"v1:{_currentKeyId}:{Convert.ToBase64String([.. nonce, .. cipher, .. tag])}";
    }

    public string? Decrypt(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.ContainsKey(parts[1]))
            throw new CryptographicException("Unknown field encryption format or key id");
        var blob = Convert.FromBase64String(parts[2]);
        var nonce = blob.AsSpan(0, 12);
        var tag = blob.AsSpan(blob.Length - 16);
        var cipher = blob.AsSpan(12, blob.Length - 28);
        var plain = new byte[cipher.Length];
        Cipher(parts[1]).Decrypt(nonce, cipher, tag, plain, Encoding.ASCII.GetBytes(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash of an already normalized value; equal values hash equal, nothing else leaks.</summary>
    public string? Hash(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized)) return null;
        return Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)))[..40];
    }

    // AesGcm is not thread-safe and costly to create per value (imports encrypt thousands a second): one per thread and key.
    [ThreadStatic] private static Dictionary<(FieldProtector, string), AesGcm>? _ciphers;

    private AesGcm Cipher(string keyId)
    {
        _ciphers ??= new Dictionary<(FieldProtector, string), AesGcm>();
        if (!_ciphers.TryGetValue((this, keyId), out var aes))
            _ciphers[(this, keyId)] = aes = new AesGcm(_keys[keyId], 16);
        return aes;
    }

    private sealed class KeyFile
    {
        public string CurrentKeyId { get; set; } = "";
        public Dictionary<string, string> Keys { get; set; } = [];
        public string HashKey { get; set; } = "";
    }
}
