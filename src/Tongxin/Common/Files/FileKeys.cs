namespace Tongxin.Common.Files;

/// <summary>Keys are built by the application, never taken from a user: this guards against mistakes.</summary>
public static class FileKeys
{
    public static string Check(string key)
    {
        var parts = key.Split('/');
        if (key.Length is 0 or > 200 || parts.Any(p => p.Length == 0 || p is "." or ".." ||
                !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"not a valid file key: '{key}'", nameof(key));
        return key;
    }
}
