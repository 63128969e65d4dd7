namespace Tongxin.Common.Data;

/// <summary>Where the data lives: "Tongxin:Database" = sqlite (default) | postgres, "Tongxin:DataDirectory".</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; init; } = "sqlite";
    public required string DataDirectory { get; init; }
    public required string ConnectionString { get; init; }
    public bool IsPostgres => Provider == "postgres";
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");
    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    public static DatabaseOptions From(IConfiguration config)
    {
        var provider = (config["Tongxin:Database"] ?? "sqlite").Trim().ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres"))
            throw new InvalidOperationException($"Tongxin:Database must be 'sqlite' or 'postgres', not '{provider}'.");
        var dataDir = Path.GetFullPath(config["Tongxin:DataDirectory"] ?? "data");
        Directory.CreateDirectory(dataDir);
        var cs = config.GetConnectionString("Tongxin");
        if (provider == "postgres" && string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("Tongxin:Database=postgres needs ConnectionStrings:Tongxin.");
        if (provider == "sqlite" && string.IsNullOrWhiteSpace(cs))
            cs = $"Data Source={Path.Combine(dataDir, "tongxin.db")}";
        return new DatabaseOptions { Provider = provider, DataDirectory = dataDir, ConnectionString = cs! };
    }
}
