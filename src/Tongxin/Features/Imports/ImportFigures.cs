using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Files;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

/// <summary>
/// POST /api/figures/import?mode=dryRun|commit: up to <see cref="ImportLimits.MaxSynchronousRows"/> data
/// rows answer 200 with the report (a commit with errors writes nothing: committed=false); larger files
/// answer 202 with a job id. The optional form field <c>mappings</c> (JSON <c>{column: {value: code}}</c>) places
/// words the dictionary does not know; a commit that succeeds remembers them for the importer's region.
/// </summary>
public static class ImportFigures
{
    public static async Task<Results<Ok<ImportReport>, Accepted<ImportJobAccepted>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Handle(
        IFormFile? file, string? mode, [FromForm] string? mappings, HttpContext http, TongxinDb db,
        FigureImporter importer, ImportFiles files, ImportJobQueue queue, ILogger<FigureImporter> log, CancellationToken ct)
    {
        mode ??= ImportModes.DryRun;
        if (!ImportModes.IsValid(mode)) return Problems.Validation("mode", "mode 应为 dryRun 或 commit");
        if (file is null || file.Length == 0) return Problems.Validation("file", "请选择要导入的 Excel 文件");
        if (file.Length > ImportLimits.MaxUploadBytes)
            return Problems.Validation("file", UploadLengthCheck.TooLargeMessage);
        var region = http.User.RegionCode();
        if (region is null) return TypedResults.Forbid();
        var chosen = ValueMappings.Parse(mappings, new DictionaryCodes(db), out var mappingError);
        if (chosen is null) return Problems.Validation("mappings", mappingError!);

        var path = files.NewWorkingPath();
        try
        {
            await using (var target = File.Create(path))
                await file.CopyToAsync(target, ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var sheet = FigureSheetReader.Open(path);
            var request = new ImportRequest(path, file.FileName, mode, region, db.Actor.UserId, chosen);
            // One pass over the file gives both the decision and the job's total (each pass re-reads the zip).
            var rows = sheet.CountRows();
            log.LogDebug("Import upload of {Rows} rows: header and count read in {Ms} ms", rows, watch.ElapsedMilliseconds);
            if (rows > ImportLimits.MaxSynchronousRows)
            {
                var id = await queue.EnqueueAsync(db, request, await files.KeepUploadAsync(path, ct), rows, ct);
                return TypedResults.Accepted($"/api/import-jobs/{id}", new ImportJobAccepted(id));
            }
            return TypedResults.Ok(await importer.RunAsync(sheet, request, null, ct));
        }
        catch (ImportFileException e)
        {
            return TypedResults.Problem(title: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            LocalFiles.TryDelete(path);
        }
    }

    /// <summary>GET /api/figures/import/errors/{token}: the error workbook, for the user who made it only.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> ErrorReport(string token, TongxinDb db, ImportFiles files, System.Security.Claims.ClaimsPrincipal me, CancellationToken ct)
    {
        var content = await files.OpenReportAsync(db.Actor.UserId, token, ct);
        if (content is null) return Problems.NotFound("错误报告");
        await db.LogAsync("import-errors-download", "ImportErrorReport", token, "下载导入错误报告", me.RegionCode(), ct: ct);
        return TypedResults.File(content, FileNames.XlsxType, FileNames.Utf8("导入错误报告", DateTime.UtcNow));
    }
}
