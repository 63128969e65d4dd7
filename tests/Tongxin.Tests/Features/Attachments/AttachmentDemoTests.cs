using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Common.Files;
using Tongxin.Demo;
using Tongxin.Features.Attachments;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Attachments;

/// <summary>
/// The demo gives some contact logs, help requests and quarterly reports small attachments whose stored bytes are real
/// PDF and JPEG files (their magic bytes and end markers), and removing the demo removes
/// the rows and the stored files.
/// </summary>
public class AttachmentDemoTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Demo_records_carry_a_small_pdf_and_jpeg_that_download_and_go_with_the_demo()
    {
        await app.WithDb(async (_, sp) => { await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None); return 0; });
        List<string> keys;
        try
        {
            var rows = await app.WithDb(async (db, _) => await db.Attachments.AsNoTracking().ToListAsync());
            keys = rows.Select(r => r.StoredKey).ToList();
            // Contact logs are seeded only where the demo cadre exists (not in every test database): required when they are there.
            var kinds = await app.WithDb(async (db, _) => await db.ContactLogs.AnyAsync(l => l.IsDemo))
                ? Enum.GetValues<AttachmentOwnerKind>() : [AttachmentOwnerKind.HelpRequest, AttachmentOwnerKind.TaskReport];
            foreach (var kind in kinds)
                Assert.True(rows.Any(r => r.OwnerKind == kind), $"no demo attachment on a {kind}: {string.Join(", ", rows.Select(r => r.OwnerKind).Distinct())}");
            foreach (var row in rows)
            {
                var bytes = await Stored(row.StoredKey);
                Assert.NotNull(bytes);
                Assert.Equal(row.Size, bytes!.Length);
                using var content = new MemoryStream(bytes);
                var type = AttachmentTypes.ByExtension(row.FileName)!;
                Assert.True(AttachmentTypes.Matches(type, content), row.FileName);
                if (type == AttachmentTypes.Pdf) Assert.EndsWith("%%EOF\n", System.Text.Encoding.ASCII.GetString(bytes));
                if (type == AttachmentTypes.Jpeg) Assert.Equal(new byte[] { 0xFF, 0xD9 }, bytes[^2..]);
            }
            Assert.Contains(rows, r => r.FileName.EndsWith(".jpg"));
        }
        finally
        {
            await app.WithDb(async (_, sp) => await DemoSeeder.RemoveAsync(sp, CancellationToken.None));
        }
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.Attachments.CountAsync()));
        foreach (var key in keys) Assert.Null(await Stored(key));
    }

    private async Task<byte[]?> Stored(string key) => await app.WithDb(async (_, sp) =>
    {
        await using var stream = await sp.GetRequiredService<IFileStore>().OpenReadAsync(key);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    });
}
