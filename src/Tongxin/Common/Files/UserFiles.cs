using System.Security.Cryptography;

namespace Tongxin.Common.Files;

/// <summary>
/// Files made for one user (import error workbooks, exports) in the file store as
/// {folder}/{user}/{token}.xlsx: the key holds the user, so only their maker can fetch them, and the
/// token is random, never the user's file name.
/// </summary>
public sealed class UserFiles(IFileStore store)
{
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static bool IsToken(string? token) => token is { Length: 32 } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Stores a written local file for its maker; returns the token to fetch it by.</summary>
    public async Task<string> SaveAsync(string folder, string? userKey, string localPath, CancellationToken ct)
    {
        var token = NewToken();
        await using var content = File.OpenRead(localPath);
        await store.SaveAsync(Key(folder, userKey, token), content, ct);
        return token;
    }

    /// <summary>The file of a user and token; null for a malformed token or a missing file.</summary>
    public Task<Stream?> OpenAsync(string folder, string? userKey, string? token, CancellationToken ct) =>
        IsToken(token) ? store.OpenReadAsync(Key(folder, userKey, token!), ct) : Task.FromResult<Stream?>(null);

    private static string Key(string folder, string? userKey, string token) => $"{folder}/{SafeUserKey(userKey)}/{token}.xlsx";

    // User ids are GUIDs; anything else (the CLI) is reduced to safe characters.
    private static string SafeUserKey(string? userKey)
    {
        var key = new string((userKey ?? "cli").Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return key.Length == 0 ? "cli" : key;
    }
}
