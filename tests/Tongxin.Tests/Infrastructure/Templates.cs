using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;

namespace Tongxin.Tests.Infrastructure;

/// <summary>Migrates one template database per provider per run; each test class gets a copy.</summary>
public static class Templates
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplate);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplate);

    public static async Task<string> SqliteCopy(string dataDirectory)
    {
        var template = await SqliteTemplate.Value;
        var file = Path.Combine(dataDirectory, "tongxin.db");
        File.Copy(template, file);
        return $"Data Source={file}";
    }

    public static async Task<string> PostgresCopy(string database)
    {
        var template = await PostgresTemplate.Value;
        await using var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return PostgresServer.ConnectionStringFor(database);
    }

    private static async Task<string> CreateSqliteTemplate()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tongxin-template-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "template.db");
        if (File.Exists(file)) File.Delete(file);
        var options = new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite($"Data Source={file};Pooling=false")
            .AddInterceptors(new SqlitePragmas()).Options;
        await using (var db = new SqliteTongxinDb(options, UnrestrictedScope.Instance, new CurrentActor()))
            await db.Database.MigrateAsync();
        // Fold the WAL into the main file so that a plain file copy is complete.
        await using (var conn = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch { } };
        return file;
    }

    private static async Task<string> CreatePostgresTemplate()
    {
        const string name = "tongxin_template";
        await using (var conn = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringFor(name)) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql(cs).Options;
        await using (var db = new PostgresTongxinDb(options, UnrestrictedScope.Instance, new CurrentActor()))
            await db.Database.MigrateAsync();
        return name;
    }
}
