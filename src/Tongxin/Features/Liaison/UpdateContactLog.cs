using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;

namespace Tongxin.Features.Liaison;

public static class UpdateContactLog
{
    /// <summary>Replaces a log's fields (version check → 409). A cadre edits only their own logs of figures assigned to them.</summary>
    public static async Task<Results<Ok<ContactLogItem>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, ContactLogInput input, TongxinDb db, ClaimsPrincipal user)
    {
        var log = await ContactLogAccess.Writable(db, user).FirstOrDefaultAsync(l => l.Id == id);
        if (log is null) return Problems.NotFound("联系记录");
        if (input.FigureId is { } figureId && figureId != log.FigureId && !await AssignedFigures.Allows(db, user, figureId)) return Problems.NotFound("人士");
        var codes = new DictionaryCodes(db);
        var errors = input.Validate(codes, Cadres.Today());
        var cadre = await ContactLogAuthor.Resolve(db, user, input.CadreUserId ?? log.CadreUserId, errors);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != log.Version) return Problems.Conflict();
        input.ApplyTo(log, codes);
        log.CadreUserId = cadre!;
        db.Entry(log).Property(l => l.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        var item = await ListContactLogs.Items(db, user, db.ContactLogs.Where(l => l.Id == id));
        return TypedResults.Ok(item.Single());
    }
}

public static class DeleteContactLog
{
    /// <summary>Removes a log written in error. A cadre deletes only their own logs of figures assigned to them.</summary>
    public static async Task<Results<NoContent, NotFoundProblem>> Handle(long id, TongxinDb db, ClaimsPrincipal user)
    {
        var log = await ContactLogAccess.Writable(db, user).FirstOrDefaultAsync(l => l.Id == id);
        if (log is null) return Problems.NotFound("联系记录");
        db.ContactLogs.Remove(log);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}

internal static class ContactLogAccess
{
    /// <summary>The logs the user may change: the region's for staff; for a cadre, their own logs of their assigned figures.</summary>
    public static IQueryable<ContactLog> Writable(TongxinDb db, ClaimsPrincipal user)
    {
        var query = db.ContactLogs.Narrow(db, user);
        if (!AssignedFigures.Narrows(user)) return query;
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return query.Where(l => l.CadreUserId == self);
    }
}
