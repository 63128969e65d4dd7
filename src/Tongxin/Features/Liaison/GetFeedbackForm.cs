using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record FeedbackFormView(int Year, string CadreName, string RegionName, FeedbackStatus Status, string? Summary, string? Problems,
    string? Plans, DateTime? SubmittedAt, List<FeedbackRow> Rows, int TotalContacts, int Version, List<FeedbackRequestRow> Requests);

public static class GetFeedbackForm
{
    /// <summary>The signed-in cadre's form of a year: the saved one, or a fresh draft generated from the year's logs.</summary>
    public static async Task<Results<Ok<FeedbackFormView>, ValidationProblem>> Handle(int year, TongxinDb db, ClaimsPrincipal user)
    {
        if (!ValidYear(year)) return Problems.Validation("year", "年度无效");
        return TypedResults.Ok(await View(db, user, await Find(db, user, year), year));
    }

    public static bool ValidYear(int year) => year >= 2000 && year <= Cadres.Today().Year;

    public static Task<FeedbackForm?> Find(TongxinDb db, ClaimsPrincipal user, int year)
    {
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return db.LiaisonFeedbackForms.FirstOrDefaultAsync(f => f.CadreUserId == self && f.Year == year);
    }

    internal static Task<FeedbackFormView> View(TongxinDb db, ClaimsPrincipal user, FeedbackForm? form, int year) =>
        View(db, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", form, year);

    /// <summary>The form of the cadre <paramref name="self"/>: as submitted, or generated afresh while a draft.</summary>
    internal static async Task<FeedbackFormView> View(TongxinDb db, string self, FeedbackForm? form, int year)
    {
        var rows = form?.RowsJson is { } json ? FeedbackRows.FromJson(json) : await FeedbackRows.Generate(db, self, year);
        var requests = form?.RequestsJson is { } requestsJson ? FeedbackRows.RequestsFromJson(requestsJson)
            : await FeedbackRequests.Generate(db, self, rows.Select(r => r.FigureId).ToList(), year);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == self).Select(u => new { u.DisplayName, u.UserName, u.RegionCode }).FirstAsync();
        var region = form?.RegionCode ?? me.RegionCode;
        var regionName = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.FullName).FirstOrDefaultAsync() ?? region;
        return new FeedbackFormView(year, string.IsNullOrEmpty(me.DisplayName) ? me.UserName! : me.DisplayName, regionName,
            form?.Status ?? FeedbackStatus.Draft, form?.Summary, form?.Problems, form?.Plans, form?.SubmittedAt, rows, rows.Sum(r => r.Contacts),
            form?.Version ?? 0, requests);
    }
}

public sealed record SaveFeedbackFormRequest(string? Summary, string? Problems, string? Plans, int? Version);

public sealed record SubmitFeedbackFormRequest(int? Version);

public static class SaveFeedbackForm
{
    /// <summary>Saves the draft's texts (version check → 409); a submitted form answers 409 naming its state.</summary>
    public static async Task<Results<Ok<FeedbackFormView>, ValidationProblem, ConflictProblem>> Handle(int year, SaveFeedbackFormRequest request,
        TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        if (!GetFeedbackForm.ValidYear(year)) errors["year"] = ["年度无效"];
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        foreach (var (field, value) in new[] { ("summary", request.Summary), ("problems", request.Problems), ("plans", request.Plans) })
            if (value?.Trim().Length > 4000) errors[field] = ["不能超过4000个字"];
        if (request.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var form = await GetFeedbackForm.Find(db, user, year);
        if (form is { Status: FeedbackStatus.Submitted }) return Problems.Conflict(form.SubmittedMessage);
        if ((form?.Version ?? 0) != request.Version) return Problems.Conflict();
        if (form is null)
        {
            form = new FeedbackForm { CadreUserId = user.FindFirstValue(ClaimTypes.NameIdentifier)!, Year = year, RegionCode = user.RegionCode() ?? "", Version = 1 };
            db.LiaisonFeedbackForms.Add(form);
        }
        else db.Entry(form).Property(f => f.Version).OriginalValue = request.Version!.Value;
        form.Edit(Clean(request.Summary), Clean(request.Problems), Clean(request.Plans));
        await db.SaveChangesAsync();
        return TypedResults.Ok(await GetFeedbackForm.View(db, user, form, year));
    }
}

public static class SubmitFeedbackForm
{
    /// <summary>Submits the form once: its table is kept as generated now and it becomes read-only.</summary>
    public static async Task<Results<Ok<FeedbackFormView>, ValidationProblem, ConflictProblem>> Handle(int year, SubmitFeedbackFormRequest request,
        TongxinDb db, ClaimsPrincipal user)
    {
        if (!GetFeedbackForm.ValidYear(year)) return Problems.Validation("year", "年度无效");
        if (request.Version is null) return Problems.Validation("version", "缺少版本号，请刷新后重试");
        var form = await GetFeedbackForm.Find(db, user, year);
        if (form is { Status: FeedbackStatus.Submitted }) return Problems.Conflict(form.SubmittedMessage);
        if ((form?.Version ?? 0) != request.Version) return Problems.Conflict();
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (form is null)
        {
            form = new FeedbackForm { CadreUserId = self, Year = year, RegionCode = user.RegionCode() ?? "", Version = 1 };
            db.LiaisonFeedbackForms.Add(form);
        }
        else db.Entry(form).Property(f => f.Version).OriginalValue = request.Version.Value;
        var rows = await FeedbackRows.Generate(db, self, year);
        var requests = await FeedbackRequests.Generate(db, self, rows.Select(r => r.FigureId).ToList(), year);
        form.Submit(FeedbackRows.ToJson(rows), JsonSerializer.Serialize(requests, JsonSerializerOptions.Web), DateTime.UtcNow);
        await db.SaveChangesAsync();
        return TypedResults.Ok(await GetFeedbackForm.View(db, user, form, year));
    }
}
