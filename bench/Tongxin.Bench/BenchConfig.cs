namespace Tongxin.Bench;

/// <summary>Where a benchmark dataset lives: provider, connection string and the data folder (keys).</summary>
public sealed record BenchConfig(string Provider, string ConnectionString, string DataDirectory)
{
    public static BenchConfig From(string provider, string dataDirectory, string? pgConnection)
    {
        Directory.CreateDirectory(dataDirectory);
        var cs = provider == "postgres"
            ? pgConnection ?? throw new ArgumentException("--pg CONNECTION_STRING is required for postgres")
            : $"Data Source={Path.Combine(dataDirectory, "tongxin.db")}";
        return new BenchConfig(provider, cs, Path.GetFullPath(dataDirectory));
    }

    /// <summary>Configuration arguments that point the server at this dataset.</summary>
    public string[] ServerArgs =>
    [
        $"--Tongxin:Database={Provider}", $"--ConnectionStrings:Tongxin={ConnectionString}",
        $"--Tongxin:DataDirectory={DataDirectory}", "--Tongxin:SeedDemoOnFirstStart=false",
        // The sign-in scenario sends hundreds of sign-ins from one address on purpose.
        "--Tongxin:LoginAttemptsPerMinute=100000",
    ];

    public WebApplication BuildApp() => TongxinWeb.Build(ServerArgs);
}
