using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;

namespace Tongxin.Features.Figures;

public static class UpdateFigure
{
    /// <summary>Replaces the editable plain fields; accounts, positions and honours have their own routes.</summary>
    public static async Task<Results<Ok<FigureDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> Handle(
        long id, FigureInput input, TongxinDb db, FieldProtector protector)
    {
        var figure = await db.Figures.FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("人士");
        var errors = new Dictionary<string, string[]>();
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        var values = new FigureRules(new DictionaryCodes(db)).Validate(input, errors);
        var region = await ScopedRegions.InScope(db, values.RegionCode ?? figure.RegionCode);
        if (region is null) errors["regionCode"] = [ScopedRegions.UnknownRegionMessage];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != figure.Version) return Problems.Conflict();

        FigureRules.Apply(figure, values with { RegionCode = region!.Code }, protector, replace: true);
        var clash = await Duplicates.IdNumberTaken(db, figure.IdNumberHash, figure.Id);
        if (clash is not null) return Problems.Validation("idNumber", clash);
        db.Entry(figure).Property(f => f.Version).OriginalValue = input.Version.Value;
        clash = await Duplicates.SaveIdNumberAsync(db, figure);
        if (clash is not null) return Problems.Validation("idNumber", clash);
        return await GetFigure.Load(db, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("人士");
    }
}
