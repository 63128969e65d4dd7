using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Features.Attachments;
using Tongxin.Features.Imports;
using Tongxin.Tests.Features.TaskPlans;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Hardening;

/// <summary>
/// Every multipart upload (the figure import, the plan-table import, the attachments of contact logs, help requests and
/// task reports) answers a body over its limit, declared or streamed without a length, slightly or far over, with the
/// same 400 and Chinese field error on <c>file</c> as a file just over the file limit, never a bare "Bad Request".
/// </summary>
public abstract class UploadLimitTests(TestApp app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A file of the given size, with a declared length.</summary>
    private static HttpContent Sized(long bytes, string fileName)
    {
        var body = new byte[bytes];
        body[0] = (byte)'P';
        body[1] = (byte)'K';
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(body);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        content.Add(file, "file", fileName);
        return content;
    }

    /// <summary>A multipart body of about the given size, written as it goes without a declared length (chunked).</summary>
    private sealed class Streamed(long bytes, string fileName) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(
                $"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: {Xlsx}\r\n\r\nPK"));
            var chunk = new byte[64 * 1024];
            try
            {
                for (long sent = 0; sent < bytes; sent += chunk.Length) await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n--b--\r\n"u8.ToArray());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The server answered without reading the rest.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static HttpContent Chunked(long bytes, string fileName)
    {
        var content = new Streamed(bytes, fileName);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    private static async Task<string> Message(ApiClient client, string url, HttpContent content)
    {
        var response = await client.Send(HttpMethod.Post, url, null, content);
        var problem = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
        return problem["errors"]!["file"]![0]!.GetValue<string>();
    }

    [Fact]
    public async Task The_figure_import_streamed_far_over_its_limit_gets_the_file_limit_message()
    {
        var client = await app.As("staff_city");
        var justOver = await Message(client, "/api/figures/import?mode=dryRun", Sized(ImportLimits.MaxUploadBytes + 1, "人士.xlsx"));
        Assert.Equal("文件不能超过20MB", justOver);
        Assert.Equal(justOver, await Message(client, "/api/figures/import?mode=dryRun", Chunked(ImportRegistration.MaxFormBytes + 1, "人士.xlsx")));
        Assert.Equal(justOver, await Message(client, "/api/figures/import?mode=dryRun", Chunked(3 * ImportRegistration.MaxFormBytes, "人士.xlsx")));
        // A small streamed upload still reaches the import (an empty workbook is refused there, not here).
        var small = await client.Send(HttpMethod.Post, "/api/figures/import?mode=dryRun", null, Chunked(1000, "人士.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
        Assert.DoesNotContain("文件不能超过", await small.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plan_table_import_over_its_limit_declared_or_streamed_gets_the_file_limit_message()
    {
        var plan = await new TaskPlanKit(app).Plan();
        var client = await app.As("staff_city");
        var url = $"/api/task-plans/{plan}/import?mode=dryRun";
        var justOver = await Message(client, url, Sized(ImportLimits.MaxUploadBytes + 1, "分工方案.xlsx"));
        Assert.Equal("文件不能超过20MB", justOver);
        Assert.Equal(justOver, await Message(client, url, Sized(ImportRegistration.MaxFormBytes + 1, "分工方案.xlsx")));
        Assert.Equal(justOver, await Message(client, url, Chunked(ImportRegistration.MaxFormBytes + 1, "分工方案.xlsx")));
        Assert.Equal(justOver, await Message(client, url, Chunked(3 * ImportRegistration.MaxFormBytes, "分工方案.xlsx")));
    }

    [Fact]
    public async Task Attachment_uploads_over_the_body_limit_get_the_file_limit_message_on_every_owner()
    {
        var limits = app.Factory.Services.GetRequiredService<AttachmentLimits>();
        var client = await app.As("staff_city");
        foreach (var prefix in new[] { "/api/contact-logs", "/api/help-requests", "/api/task-reports" })
        {
            var url = $"{prefix}/1/attachments";
            Assert.Equal(limits.TooLargeMessage, await Message(client, url, Sized(limits.MaxBodyBytes + 1, "大文件.pdf")));
            Assert.Equal(limits.TooLargeMessage, await Message(client, url, Chunked(limits.MaxBodyBytes + 1, "大文件.pdf")));
            Assert.Equal(limits.TooLargeMessage, await Message(client, url, Chunked(3 * limits.MaxBodyBytes, "大文件.pdf")));
        }
        Assert.Equal("文件不能超过20MB", limits.TooLargeMessage);
    }
}

public sealed class UploadLimitTestsOnSqlite(SqliteApp app) : UploadLimitTests(app), IClassFixture<SqliteApp>;
public sealed class UploadLimitTestsOnPostgres(PostgresApp app) : UploadLimitTests(app), IClassFixture<PostgresApp>;
