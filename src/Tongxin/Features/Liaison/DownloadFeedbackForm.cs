using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
        return File(await GetFeedbackForm.View(db, user, await GetFeedbackForm.Find(db, user, year), year), year, format);
    }

    /// <summary>
    /// Staff: a cadre's form of a year (as submitted, or the draft as it stands) from the feedback summary; a cadre outside
    /// the caller's region answers 404.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem>> ForCadre(string cadreUserId, int year, string? format,
        TongxinDb db)
    {
        if (!GetFeedbackForm.ValidYear(year)) return Problems.Validation("year", "年度无效");
        if (format is not (null or "" or "docx" or "xlsx")) return Problems.Validation("format", "格式应为 docx 或 xlsx");
        if (!await Cadres.Exists(db, cadreUserId)) return Problems.NotFound("联系干部");
        var form = await db.LiaisonFeedbackForms.FirstOrDefaultAsync(f => f.CadreUserId == cadreUserId && f.Year == year);
        return File(await GetFeedbackForm.View(db, cadreUserId, form, year), year, format);
    }

    private static FileContentHttpResult File(FeedbackFormView view, int year, string? format)
    {
        var stem = $"{year}年度联系情况反馈表_{view.CadreName}";
        return format == "xlsx"
            ? TypedResults.File(FeedbackDocument.Excel(view), FileNames.XlsxType, FileNames.Utf8(stem, DateTime.UtcNow))
            : TypedResults.File(FeedbackDocument.Word(view, Cadres.Today()), FeedbackDocument.DocxType, Path.ChangeExtension(FileNames.Utf8(stem, DateTime.UtcNow), ".docx"));
    }
}
