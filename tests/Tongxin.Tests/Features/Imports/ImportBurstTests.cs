using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Jobs;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>Bursts of uploads are bounded per server; an upload over the form limit is told so in Chinese.</summary>
public abstract class ImportBurstTests(TestApp app)
{
    /// <summary>An upload whose body stops half-way until <see cref="Finish"/>: it holds its place in the bound meanwhile.</summary>
    private sealed class StalledUpload : HttpContent
    {
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Finish() => _go.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK"u8.ToArray());
            await stream.FlushAsync();
            await _go.Task;
            await stream.WriteAsync("\r\n--b--\r\n"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] Small() => new WorkbookBuilder().Row("姓名", "所属地区", "人士类别").Row(Name(), "纳溪区", "主播").Build();

    [Fact]
    public async Task Uploads_over_the_bound_answer_429_with_retry_after_while_health_answers()
    {
        var client = await app.As("staff_city");
        var limit = ImportConcurrency.LimitFrom(app.Factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        var stalled = Enumerable.Range(0, limit).Select(_ => new StalledUpload()).ToList();
        var pending = stalled.Select(body =>
        {
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
            return client.Send(HttpMethod.Post, "/api/figures/import?mode=dryRun", null, body);
        }).ToList();
        try
        {
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 50 && refused is null; i++)
            {
                await Task.Delay(100);
                var r = await Upload(client, Small(), "dryRun");
                if (r.StatusCode == HttpStatusCode.TooManyRequests) refused = r;
            }
            Assert.NotNull(refused);
            Assert.Equal(ImportConcurrency.RetryAfterSeconds.ToString(), refused.Headers.RetryAfter?.ToString());
            var problem = await ApiClient.ReadJson(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal(ImportConcurrency.BusyMessage, problem["title"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
        }
        finally
        {
            stalled.ForEach(s => s.Finish());
            await Task.WhenAll(pending);
        }
        // The places are free again.
        var ok = await Upload(client, Small(), "dryRun");
        Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_upload_over_the_form_limit_gets_the_same_message_as_one_just_over_the_file_limit()
    {
        var client = await app.As("staff_city");
        async Task<string> MessageFor(long bytes)
        {
            var body = new byte[bytes];
            body[0] = (byte)'P';
            body[1] = (byte)'K';
            var problem = await ApiClient.ReadJson(await Upload(client, body, "dryRun"), HttpStatusCode.BadRequest);
            return problem["errors"]!["file"]![0]!.GetValue<string>();
        }
        var justOver = await MessageFor(ImportLimits.MaxUploadBytes + 1);
        Assert.Equal("文件不能超过20MB", justOver);
        Assert.Equal(justOver, await MessageFor(ImportRegistration.MaxFormBytes + 1));
    }
}

public sealed class ImportBurstTestsOnSqlite(SqliteApp app) : ImportBurstTests(app), IClassFixture<SqliteApp>;
public sealed class ImportBurstTestsOnPostgres(PostgresApp app) : ImportBurstTests(app), IClassFixture<PostgresApp>;

/// <summary>A graceful stop hands a running import job back to the queue at once, with nothing of it written.</summary>
public abstract class GracefulStopTests<TApp> : IAsyncLifetime where TApp : TestApp, new()
{
    private readonly TApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_running_import_job_is_released_on_a_graceful_stop()
    {
        const int rows = 12_000;
        var prefix = Unique("stop_");
        var file = new WorkbookBuilder().Row("姓名", "平台", "账号", "粉丝数")
            .Rows(Enumerable.Range(0, rows).Select(i => new object?[] { Name(), "抖音", $"{prefix}_{i}", 10 + i })).Build();
        var client = await _app.As("staff_city");
        var accepted = await ApiClient.ReadJson(await Upload(client, file, "commit"), HttpStatusCode.Accepted);
        var jobId = Guid.Parse(accepted["jobId"]!.GetValue<string>());
        var queue = _app.Factory.Services.GetRequiredService<ImportJobQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (queue.ProgressOf(jobId) == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(queue.ProgressOf(jobId) > 0, "the job never started");

        // The host stops as on SIGTERM (ApplicationStopping, then the hosted services); the database is read afterwards.
        await _app.Factory.DisposeAsync();

        System.Data.Common.DbConnection conn = _app.Provider == Provider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(_app.ConnectionString)
            : new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await using var _ = conn;
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""SELECT "State", "LockedBy", "LockedUntil", "ProcessedRows", (SELECT count(*) FROM "PlatformAccounts" WHERE "HandleKey" LIKE '{prefix.ToLowerInvariant()}%') FROM "ImportJobs" """;
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (state, lockedBy, lockedUntil, processed, accounts) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? (object?)null : reader.GetValue(2), reader.GetInt32(3), reader.GetInt64(4));
        Assert.Equal(JobStates.Queued, state);
        Assert.Null(lockedBy);
        Assert.Null(lockedUntil);
        Assert.Equal(0, processed);
        Assert.Equal(0, accounts);
    }
}

public sealed class GracefulStopTestsOnSqlite : GracefulStopTests<SqliteApp>;
public sealed class GracefulStopTestsOnPostgres : GracefulStopTests<PostgresApp>;
