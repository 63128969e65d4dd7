using Microsoft.Data.Sqlite;
using Tongxin.Cli;

namespace Tongxin.Tests.Features.Operations;

/// <summary>The executable's operator verbs, run in-process against a fresh SQLite data folder.</summary>
[Collection("operator verbs")] // verbs print to the console; keep them apart
public sealed class OperatorVerbTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tongxin-cli-" + Guid.NewGuid().ToString("N")[..10]);

    private Task<int> Run(params string[] args) =>
        Verbs.RunAsync([.. args, $"--Tongxin:DataDirectory={_data}", "--Tongxin:SeedDemoOnFirstStart=false"]);

    private long Scalar(string sql, string? file = null)
    {
        using var conn = new SqliteConnection($"Data Source={file ?? Path.Combine(_data, "tongxin.db")};Pooling=false");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Fact]
    public async Task Seed_backup_remove_demo_and_restore_round_trip()
    {
        Assert.Equal(0, await Run("migrate"));
        Assert.Equal(0, await Run("seed"));
        var figures = Scalar("SELECT COUNT(*) FROM Figures WHERE IsDemo = 1");
        var accounts = Scalar("SELECT COUNT(*) FROM PlatformAccounts");
        var snapshots = Scalar("SELECT COUNT(*) FROM MetricSnapshots");
        Assert.True(figures >= 300);
        var backup = Path.Combine(_data, "bk");
        Assert.Equal(0, await Run("backup", "--to", backup));
        Assert.True(File.Exists(Path.Combine(backup, "keys", "field-keys.json")));

        Assert.Equal(0, await Run("seed", "--remove-demo"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM Figures"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM Regions WHERE IsDemo = 1"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM AspNetUsers")); // admin stays

        Assert.Equal(0, await Verbs.RunAsync(["restore", "--from", backup, "--data", _data]));
        Assert.Equal(figures, Scalar("SELECT COUNT(*) FROM Figures WHERE IsDemo = 1"));
        Assert.Equal(accounts, Scalar("SELECT COUNT(*) FROM PlatformAccounts"));
        Assert.Equal(snapshots, Scalar("SELECT COUNT(*) FROM MetricSnapshots"));
        // The restored keys read the restored ciphertext.
        Assert.Equal(0, await Run("migrate"));
        var protector = Tongxin.Common.Security.FieldProtector.LoadOrCreate(Path.Combine(_data, "keys"));
        using var conn = new SqliteConnection($"Data Source={Path.Combine(_data, "tongxin.db")};Pooling=false");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT IdNumberCipher FROM Figures WHERE IdNumberCipher IS NOT NULL LIMIT 1";
        var plain = protector.Decrypt((string)cmd.ExecuteScalar()!);
        Assert.Matches(@"^\d{17}[\dX]$", plain);
    }

    [Fact]
    public async Task Rebuild_tallies_and_start_up_restore_emptied_dashboard_counts()
    {
        Assert.Equal(0, await Run("seed"));
        var active = Scalar("SELECT COUNT(*) FROM Figures WHERE Status = 0");
        Assert.Equal(active, Scalar("SELECT SUM(Count) FROM FigureTallies WHERE Dimension = 'total' AND RegionCode LIKE '__0000'"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM PlatformAccounts"), Scalar("SELECT SUM(Count) FROM FigureTallies WHERE Dimension = 'accounts' AND RegionCode LIKE '__0000'"));

        // Lost tallies (figures loaded around the triggers): the next start rebuilds them…
        Scalar("DELETE FROM FigureTallies; SELECT 0");
        Assert.Equal(0, await Run("migrate"));
        Assert.Equal(active, Scalar("SELECT SUM(Count) FROM FigureTallies WHERE Dimension = 'total' AND RegionCode LIKE '__0000'"));
        // …and the verb recomputes wrong ones.
        Scalar("UPDATE FigureTallies SET Count = Count + 5 WHERE Dimension = 'total'; SELECT 0");
        Assert.Equal(0, await Run("rebuild-tallies"));
        Assert.Equal(active, Scalar("SELECT SUM(Count) FROM FigureTallies WHERE Dimension = 'total' AND RegionCode LIKE '__0000'"));
        Assert.Equal(active, Scalar("SELECT SUM(Count) FROM FigureTallies WHERE Dimension = 'category' AND RegionCode LIKE '__0000'"));
    }

    [Fact]
    public async Task User_add_and_reset_password_follow_the_policy()
    {
        Assert.Equal(0, await Run("user", "add", "--name", "operator1", "--password", "Operator-Pass-2026", "--role", "staff", "--region", "510000"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'operator1'"));
        Assert.Equal(2, await Run("user", "add", "--name", "operator2", "--password", "short", "--role", "staff", "--region", "510000"));
        Assert.Equal(2, await Run("user", "add", "--name", "operator3", "--password", "Operator-Pass-2026", "--role", "emperor", "--region", "510000"));
        Assert.Equal(2, await Run("user", "reset-password", "--name", "operator1", "--password", "password1234"));
        var before = Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'user-reset-password'");
        Assert.Equal(0, await Run("user", "reset-password", "--name", "operator1", "--password", "Another-Good-Passphrase"));
        Assert.Equal(before + 1, Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'user-reset-password'"));
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode()
    {
        Assert.Equal(0, await Run("migrate"));
        using var conn = new SqliteConnection($"Data Source={Path.Combine(_data, "tongxin.db")};Pooling=false");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
