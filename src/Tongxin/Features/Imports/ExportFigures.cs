using Tongxin.Common.Files;
using MiniExcelLibs;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// GET /api/figures/export with the list's filters: an .xlsx streamed from a temporary file (written page
/// by page, deleted when sent), masked and formula-neutralized, and an audit line with the filter and count.
/// </summary>
public static class ExportFigures
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> Handle([AsParameters] FigureFilter filter, TongxinDb db, ImportFiles files, HttpContext http, CancellationToken ct)
    {
        var query = await filter.ApplyAsync(db, db.Figures);
        var path = files.NewWorkingPath(".export.xlsx");
        var exporter = new FigureExporter(db);
        try
        {
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                await MiniExcel.SaveAsAsync(stream, exporter.Rows(query), printHeader: false, sheetName: "网络人士", cancellationToken: ct);
        }
        catch
        {
            LocalFiles.TryDelete(path);
            throw;
        }
        await db.LogAsync("export", nameof(Figure), null, $"导出网络人士 {exporter.Count} 条（{Describe(filter)}）", http.User.RegionCode(), ct: ct);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return TypedResults.File(file, XlsxType, FileNames.Utf8("网络人士", DateTime.UtcNow));
    }

    /// <summary>The filter as it was asked for, for the audit line.</summary>
    public static string Describe(FigureFilter f)
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={value}"); }
        Add("q", f.Q); Add("regionCode", f.RegionCode); Add("category", f.Category); Add("keyLevel", f.KeyLevel);
        Add("platform", f.Platform); Add("followerTier", f.FollowerTier); Add("tag", f.Tag); Add("status", f.Status);
        return parts.Count == 0 ? "全部" : "筛选：" + string.Join("，", parts);
    }
}
