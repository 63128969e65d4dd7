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
            throw new ConfigurationException($"Tongxin:Database 应为 sqlite 或 postgres，而不是 '{provider}' (Tongxin:Database must be 'sqlite' or 'postgres').");
        var dataDir = Path.GetFullPath(config["Tongxin:DataDirectory"] ?? "data");
        Directory.CreateDirectory(dataDir);
        var cs = config.GetConnectionString("Tongxin");
        if (provider == "postgres" && string.IsNullOrWhiteSpace(cs))
            throw new ConfigurationException("使用 PostgreSQL 时须设置 ConnectionStrings__Tongxin (Tongxin:Database=postgres needs ConnectionStrings:Tongxin).");
        if (provider == "sqlite" && string.IsNullOrWhiteSpace(cs))
            cs = $"Data Source={Path.Combine(dataDir, "tongxin.db")}";
        if (provider == "postgres") cs = WithPostgresDefaults(cs!);
        return new DatabaseOptions { Provider = provider, DataDirectory = dataDir, ConnectionString = cs! };
    }

    /// <summary>
    /// Npgsql auto-prepare unless the operator chose otherwise: the same few query shapes run all day, and
    /// planning them (the region filter joins) cost more than running them — a profile page was ~2.5 ms of
    /// planning for 0.5 ms of execution. Prepared statements survive the connection pool.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0)
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }
        return b.ConnectionString;
    }
}
