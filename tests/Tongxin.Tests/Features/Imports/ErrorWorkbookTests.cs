using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// The import error workbook protects the personal data it repeats: ID numbers and phones masked, the file
/// readable by the server's user only (0600), gone after a day, and each download audited.
/// </summary>
public abstract class ErrorWorkbookTests(TestApp app)
{
    [Fact]
    public async Task The_error_workbook_is_masked_private_audited_and_expires_after_a_day()
    {
        var id = IdNumber();
        const string phone = "13912345678";
        var file = new WorkbookBuilder().Row("姓名", "身份证号", "手机", "出生年月")
            .Row(Name(), id, phone, "1990-13")
            .Build();
        var client = await app.As("staff_city");
        var report = await Import(client, file, "dryRun");
        var token = report["errorReportToken"]!.GetValue<string>();

        var response = await client.GetAsync(report["errorReportUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var cells = Read(bytes)[1].Values.Select(v => v?.ToString() ?? "").ToList();
        Assert.DoesNotContain(cells, c => c.Contains(id) || c.Contains(phone));
        Assert.Contains(ImportErrorReport.Mask(id), cells);
        Assert.Contains("139******78", cells);
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEntries.CountAsync(a => a.Action == "import-errors-download" && a.EntityId == token && a.RegionCode == "510500")));

        var stored = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files", "import-reports"), token + ".xlsx", SearchOption.AllDirectories).Single();
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));

        // Younger than a day it stays; older, the purge removes it and the link answers 404.
        File.SetLastWriteTimeUtc(stored, DateTime.UtcNow.AddHours(-20));
        await Purge();
        Assert.True(File.Exists(stored));
        File.SetLastWriteTimeUtc(stored, DateTime.UtcNow.AddHours(-25));
        await Purge();
        Assert.False(File.Exists(stored));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(report["errorReportUrl"]!.GetValue<string>())).StatusCode);
    }

    private Task<string> Purge() => app.WithDb(async (_, sp) =>
        await sp.GetServices<Tongxin.Common.Jobs.IRecurringJob>().OfType<ImportFilesPurgeJob>().Single().RunAsync(sp, CancellationToken.None));
}

public sealed class ErrorWorkbookTestsOnSqlite(SqliteApp app) : ErrorWorkbookTests(app), IClassFixture<SqliteApp>;
public sealed class ErrorWorkbookTestsOnPostgres(PostgresApp app) : ErrorWorkbookTests(app), IClassFixture<PostgresApp>;
