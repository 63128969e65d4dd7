using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Api;

/// <summary>
/// SQLite has one writer. While another connection holds it (a large import does, for its whole transaction),
/// a write waits for the busy timeout and then answers 503 with a clear message, not 500, and writes nothing.
/// </summary>
public sealed class BusyDatabaseTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_write_while_another_connection_holds_the_write_lock_answers_503_and_writes_nothing()
    {
        var client = await app.As("staff_city");
        await using var holder = new SqliteConnection(app.ConnectionString);
        await holder.OpenAsync();
        await Exec(holder, "BEGIN IMMEDIATE");
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync("/api/figures", new { name = "忙时新增", regionCode = "510500" });
        }
        finally
        {
            await Exec(holder, "ROLLBACK");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("系统正忙（可能正在导入数据），请稍后重试", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, await app.WithDb((db, _) => db.Figures.CountAsync(f => f.Name == "忙时新增")));

        // Once the lock is free the same write succeeds.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/figures", new { name = "忙时新增", regionCode = "510500" })).StatusCode);
    }

    private static async Task Exec(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
