using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Tongxin.Cli;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Operations;

/// <summary>
/// Keys are never silently replaced: the database keeps a check value per key id; a copy started without its keys
/// folder, or with a different key under the same id, stops with one line naming the folder to restore.
/// </summary>
[Collection("operator verbs")]
public sealed class KeyCheckTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tongxin-keys-" + Guid.NewGuid().ToString("N")[..10]);

    private async Task<(int Code, string Error)> Run(string data, params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = await Verbs.RunAsync([.. args, $"--Tongxin:DataDirectory={data}", "--Tongxin:SeedDemoOnFirstStart=false"]);
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
            SqliteConnection.ClearAllPools();
        }
    }

    private static void CopyDatabase(string from, string to)
    {
        Directory.CreateDirectory(to);
        using var conn = new SqliteConnection($"Data Source={Path.Combine(from, "tongxin.db")};Pooling=false");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"VACUUM INTO '{Path.Combine(to, "tongxin.db")}'";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_copy_without_its_keys_or_with_other_keys_refuses_to_start_and_the_original_starts()
    {
        var data = Path.Combine(_root, "data");
        Assert.Equal(0, (await Run(data, "migrate")).Code);
        var keyFile = Path.Combine(data, "keys", "field-keys.json");
        var keyId = JsonNode.Parse(File.ReadAllText(keyFile))!["CurrentKeyId"]!.GetValue<string>();
        Assert.NotEqual("k1", keyId);

        // The database copied without keys/: the keys generated at start do not match, nothing is left behind.
        var bare = Path.Combine(_root, "bare");
        CopyDatabase(data, bare);
        var (code, error) = await Run(bare, "migrate");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine(bare, "keys"), line);
        Assert.Contains(keyId, line);
        Assert.False(File.Exists(Path.Combine(bare, "keys", "field-keys.json")));

        // The keys folder is there but holds another key under the same id.
        var other = Path.Combine(_root, "other");
        CopyDatabase(data, other);
        Directory.CreateDirectory(Path.Combine(other, "keys"));
        var json = JsonNode.Parse(File.ReadAllText(keyFile))!;
        json["Keys"]![keyId] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(Path.Combine(other, "keys", "field-keys.json"), json.ToJsonString());
        (code, error) = await Run(other, "migrate");
        Assert.Equal(2, code);
        Assert.Contains("不符", error);
        Assert.Contains(Path.Combine(other, "keys"), error);
        Assert.True(File.Exists(Path.Combine(other, "keys", "field-keys.json"))); // the operator's file is never removed

        // With its own keys the copy starts, and so does the original.
        File.Copy(keyFile, Path.Combine(other, "keys", "field-keys.json"), overwrite: true);
        Assert.Equal(0, (await Run(other, "migrate")).Code);
        Assert.Equal(0, (await Run(data, "migrate")).Code);
    }

    [Fact]
    public void New_key_ids_are_unique()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Tongxin.Common.Security.FieldProtector.NewKeyId()).ToHashSet();
        Assert.Equal(200, ids.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

/// <summary>Restore refuses while a server uses the data folder, and refuses a backup without its keys.</summary>
[Collection("operator verbs")]
public sealed class RestoreSafetyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Restore_refuses_while_a_server_uses_the_data_folder_and_without_keys()
    {
        var backup = Path.Combine(app.DataDirectory, "..", "bk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(backup);
        try
        {
            File.WriteAllText(Path.Combine(backup, "tongxin.db"), "not a database");
            var error = new StringWriter();
            var previous = Console.Error;
            Console.SetError(error);
            int withoutKeys, whileServing;
            try
            {
                withoutKeys = await Verbs.RunAsync(["restore", "--from", backup, "--data", app.DataDirectory]);
                Directory.CreateDirectory(Path.Combine(backup, "keys"));
                File.WriteAllText(Path.Combine(backup, "keys", "field-keys.json"), "{}");
                whileServing = await Verbs.RunAsync(["restore", "--from", backup, "--data", app.DataDirectory]);
            }
            finally { Console.SetError(previous); }
            Assert.Equal(2, withoutKeys);
            Assert.Equal(2, whileServing);
            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("keys", lines[0]);
            Assert.Contains("停止", lines[1]);
            Assert.Empty(Directory.GetDirectories(app.DataDirectory, "replaced-*"));
            // The server still serves its own data.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await (await app.As("staff_city")).GetAsync("/api/figures")).StatusCode);
        }
        finally { Directory.Delete(backup, true); }
    }
}
