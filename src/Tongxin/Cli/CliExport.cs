using Tongxin.Common.Data;
using Tongxin.Features.Exports;
using Tongxin.Features.Figures;

namespace Tongxin.Cli;

/// <summary><c>export --file F.xlsx [--q TEXT] [--region CODE] [--user NAME] [--status all]</c>: the API's export to a file.</summary>
public static class CliExport
{
    public static async Task<int> RunAsync(IServiceProvider sp, Options o)
    {
        var path = Path.GetFullPath(o.Required("file"));
        var region = await CliScope.ApplyAsync(sp, o);
        var db = sp.GetRequiredService<TongxinDb>();
        var filter = new FigureFilter { Q = o.Get("q"), Status = o.Get("status"), Category = o.Get("category") };
        var exporter = new FigureExporter(db);
        await using (var stream = File.Create(path))
            await exporter.WriteAsync(stream, await filter.ApplyAsync(db, db.Figures));
        await db.LogAsync("export", nameof(Figure), null, $"命令行导出网络人士 {exporter.Count} 条（{await FigureExporter.DescribeAsync(db, filter)}）", region);
        Console.WriteLine($"Exported {exporter.Count} figures to {path}");
        return 0;
    }
}
