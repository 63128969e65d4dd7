using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public sealed record ContactLogCreated(long Id);

public static class CreateContactLog
{
    /// <summary>
    /// Logs a contact. A cadre logs only for a figure assigned to them (any other figure answers 404 and nothing is
    /// written); staff log for any figure of their region, for a cadre of it or for themselves.
    /// </summary>
    public static async Task<Results<Created<ContactLogCreated>, ValidationProblem, NotFoundProblem>> Handle(
        ContactLogInput input, TongxinDb db, ClaimsPrincipal user)
    {
        if (input.FigureId is { } figureId && !await AssignedFigures.Allows(db, user, figureId)) return Problems.NotFound("人士");
        var codes = new DictionaryCodes(db);
        var errors = input.Validate(codes, Cadres.Today());
        var cadre = await ContactLogAuthor.Resolve(db, user, input.CadreUserId, errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        var log = new ContactLog { CadreUserId = cadre!, Way = "", Summary = "", CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) };
        input.ApplyTo(log, codes);
        db.ContactLogs.Add(log);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/contact-logs/{log.Id}", new ContactLogCreated(log.Id));
    }
}

/// <summary>Whose contact a log records: a narrowed cadre always their own; staff may name a cadre of their region.</summary>
internal static class ContactLogAuthor
{
    public static async Task<string?> Resolve(TongxinDb db, ClaimsPrincipal user, string? requested, Dictionary<string, string[]> errors)
    {
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(requested) || requested == self || AssignedFigures.Narrows(user)) return self;
        if (await Cadres.Exists(db, requested)) return requested;
        errors["cadreUserId"] = ["请选择联系干部"];
        return null;
    }
}
