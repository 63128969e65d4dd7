using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Features.Liaison;

namespace Tongxin.Features.HelpRequests;

/// <summary>The body of <c>POST /api/help-requests</c>: exactly one of <see cref="FigureId"/> and <see cref="OrganizationId"/>.</summary>
public sealed record HelpRequestInput(long? FigureId, long? OrganizationId, string? Category, string? Title, string? Description,
    string? Urgency, string? ReceivedVia);

public sealed record HelpRequestCreated(long Id);

public static class CreateHelpRequest
{
    public const string CategoryType = "helpRequestCategory";

    /// <summary>
    /// Records a request for a figure or an organization of the caller's region (a cadre: only for a figure assigned to
    /// them); its region is the figure's or organization's. An unknown or invisible figure or organization answers 404.
    /// </summary>
    public static async Task<Results<Created<HelpRequestCreated>, ValidationProblem, NotFoundProblem>> Handle(
        HelpRequestInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.FigureId is null == input.OrganizationId is null) errors["figureId"] = ["请选择一位人士或一个单位（只选其一）"];
        var category = new DictionaryCodes(db).Resolve(CategoryType, input.Category ?? "");
        if (category is null) errors["category"] = [string.IsNullOrWhiteSpace(input.Category) ? "请选择诉求类别" : "诉求类别无效"];
        var title = ChineseText.Normalize(input.Title);
        if (title.Length == 0) errors["title"] = ["请填写诉求标题"];
        else if (title.Length > 100) errors["title"] = ["标题不能超过100个字"];
        var description = input.Description?.Trim() ?? "";
        if (description.Length > 2000) errors["description"] = ["诉求内容不能超过2000个字"];
        var urgency = HelpRequestParse.Urgency(input.Urgency ?? "normal");
        if (urgency is null) errors["urgency"] = ["紧急程度应为一般或紧急"];
        var via = HelpRequestParse.Channel(input.ReceivedVia);
        if (via is null) errors["receivedVia"] = ["请选择诉求来源"];
        if (errors.Count > 0) return Problems.Validation(errors);

        string? region;
        if (input.FigureId is { } figureId)
        {
            // A cadre files requests only for the figures assigned to them (AssignedFigures, the liaison feature's narrowing).
            region = user.Can(Permissions.HelpRequestsHandle) || await AssignedFigures.Allows(db, user, figureId)
                ? await db.Figures.Where(f => f.Id == figureId).Select(f => f.RegionCode).FirstOrDefaultAsync()
                : null;
            if (region is null) return Problems.NotFound("人士");
        }
        else
        {
            region = user.Can(Permissions.HelpRequestsHandle) // a cadre's requests are for their figures, not organizations
                ? await db.Organizations.Where(o => o.Id == input.OrganizationId).Select(o => o.RegionCode).FirstOrDefaultAsync()
                : null;
            if (region is null) return Problems.NotFound("单位");
        }

        var request = new HelpRequest
        {
            FigureId = input.FigureId,
            OrganizationId = input.OrganizationId,
            RegionCode = region,
            Category = category!,
            Title = title,
            Description = description.Length == 0 ? null : description,
            Urgency = urgency!.Value,
            ReceivedVia = via!.Value,
            CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        request.Submit(HelpRequestAccess.ActorOf(user), DateTime.UtcNow);
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/help-requests/{request.Id}", new HelpRequestCreated(request.Id));
    }
}

/// <summary>The API's names of the workflow's values (camelCase, as the JSON enums are written).</summary>
public static class HelpRequestParse
{
    public static HelpRequestUrgency? Urgency(string? value) => Parse<HelpRequestUrgency>(value);
    public static HelpRequestChannel? Channel(string? value) => Parse<HelpRequestChannel>(value);
    public static HelpRequestStatus? Status(string? value) => Parse<HelpRequestStatus>(value);
    public static Satisfaction? Satisfaction(string? value) => Parse<Satisfaction>(value);

    /// <summary>The enum member whose camelCase name is <paramref name="value"/> (numbers are not names).</summary>
    private static T? Parse<T>(string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(v.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }
}
