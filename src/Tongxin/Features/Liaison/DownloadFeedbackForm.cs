using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Files;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public static class DownloadFeedbackForm
{
    /// <summary>The signed-in cadre's form of a year as Word (<c>format=docx</c>, default) or Excel (<c>format=xlsx</c>).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(int year, string? format, TongxinDb db, ClaimsPrincipal user)
    {
        if (!GetFeedbackForm.ValidYear(year)) return Problems.Validation("year", "年度无效");
        if (format is not (null or "" or "docx" or "xlsx")) return Problems.Validation("format", "格式应为 docx 或 xlsx");
        var view = await GetFeedbackForm.View(db, user, await GetFeedbackForm.Find(db, user, year), year);
        var stem = $"{year}年度联系情况反馈表_{view.CadreName}";
        return format == "xlsx"
            ? TypedResults.File(FeedbackDocument.Excel(view), FileNames.XlsxType, FileNames.Utf8(stem, DateTime.UtcNow))
            : TypedResults.File(FeedbackDocument.Word(view, Cadres.Today()), FeedbackDocument.DocxType, Path.ChangeExtension(FileNames.Utf8(stem, DateTime.UtcNow), ".docx"));
    }
}
