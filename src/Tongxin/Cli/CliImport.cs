using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Imports;

namespace Tongxin.Cli;

/// <summary>
/// <c>import --file F.xlsx [--commit] [--region CODE] [--user NAME]</c>: the same importer as the API,
/// any size, synchronously. Exit code 1 when rows have errors (nothing is written then).
/// </summary>
public static class CliImport
{
    public static async Task<int> RunAsync(IServiceProvider sp, Options o)
    {
        var path = Path.GetFullPath(o.Required("file"));
        if (!File.Exists(path)) throw new CliException($"no such file: {path}");
        var region = await CliScope.ApplyAsync(sp, o);
        var sheet = OpenOrFail(path);
        var mode = o.Has("commit") ? ImportModes.Commit : ImportModes.DryRun;
        var actor = sp.GetRequiredService<CurrentActor>();
        var started = DateTime.UtcNow;
        var report = await sp.GetRequiredService<FigureImporter>().RunAsync(sheet,
            new ImportRequest(path, Path.GetFileName(path), mode, region, actor.UserId),
            n => { Console.Error.Write($"\r{n} rows…"); return Task.CompletedTask; }, CancellationToken.None);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        Console.Error.WriteLine();
        Console.WriteLine($"{(mode == ImportModes.Commit ? (report.Committed ? "Committed" : "NOT committed") : "Dry run")}: " +
            $"{report.TotalRows} rows, created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, " +
            $"errors {report.ErrorCount} ({seconds:0.0} s, {report.TotalRows / Math.Max(seconds, 0.001):0} rows/s)");
        if (report.BatchId is { } batch) Console.WriteLine($"Batch {batch} (undo: POST /api/import-batches/{batch}/undo)");
        if (report.UnknownColumns.Count > 0) Console.WriteLine($"Unknown columns: {string.Join(", ", report.UnknownColumns)}");
        foreach (var e in report.Errors) Console.WriteLine($"  row {e.Row}{(e.Column is null ? "" : $" [{e.Column}]")}: {e.Message}");
        if (report.ErrorCount > report.Errors.Count) Console.WriteLine($"  … and {report.ErrorCount - report.Errors.Count} more");
        if (report.ErrorReportToken is { } token
            && await sp.GetRequiredService<ImportFiles>().OpenReportAsync(actor.UserId, token, CancellationToken.None) is { } content)
        {
            // The error workbook goes next to the imported file, where the person at the terminal looks.
            var target = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-错误报告.xlsx");
            await using (content)
            await using (var file = File.Create(target))
                await content.CopyToAsync(file);
            Console.WriteLine($"Error workbook: {target}");
        }
        return report.ErrorCount > 0 ? 1 : 0;
    }

    private static FigureSheetReader OpenOrFail(string path)
    {
        try { return FigureSheetReader.Open(path); }
        catch (ImportFileException e) { throw new CliException(e.Message); }
    }
}

/// <summary>Scope and actor of the import/export verbs: a user's (--user), a region's (--region) or everything.</summary>
internal static class CliScope
{
    /// <summary>Sets scope and actor; returns the region the work is done for.</summary>
    public static async Task<string> ApplyAsync(IServiceProvider sp, Options o)
    {
        var db = sp.GetRequiredService<TongxinDb>();
        var region = o.Get("region");
        if (o.Get("user") is { Length: > 0 } userName)
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
                ?? throw new CliException($"no user '{userName}'");
            if (region is not null && region != user.RegionCode) throw new CliException($"user '{userName}' belongs to region {user.RegionCode}");
            region = user.RegionCode;
            sp.GetRequiredService<CurrentActor>().Use(user.Id, user.UserName!);
        }
        if (region is null)
            return sp.GetRequiredService<IConfiguration>()["Tongxin:RootRegion:Code"] ?? "510000";
        if (!await db.Regions.AnyAsync(r => r.Code == region)) throw new CliException($"unknown region code '{region}'");
        sp.GetRequiredService<DataScopeHolder>().Use(DataScopeHolder.ForRegion(region));
        return region;
    }
}
