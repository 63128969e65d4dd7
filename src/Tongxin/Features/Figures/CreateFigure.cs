using Microsoft.AspNetCore.Http.HttpResults;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;

namespace Tongxin.Features.Figures;

public static class CreateFigure
{
    public static async Task<Results<Created<FigureCreated>, ValidationProblem>> Handle(FigureInput input, TongxinDb db, FieldProtector protector)
    {
        var errors = new Dictionary<string, string[]>();
        var values = new FigureRules(new DictionaryCodes(db)).Validate(input, errors);
        var region = await ScopedRegions.InScope(db, values.RegionCode);
        if (region is null) errors["regionCode"] = [values.RegionCode is null ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        if (errors.Count > 0) return Problems.Validation(errors);

        var figure = new Figure { Name = values.Name!, RegionCode = region!.Code };
        FigureRules.Apply(figure, values, protector, replace: true);
        var clash = await Duplicates.IdNumberTaken(db, figure.IdNumberHash, null);
        if (clash is not null) return Problems.Validation("idNumber", clash);
        db.Figures.Add(figure);
        // Two requests with one ID number at once: both pass the check, the unique index takes one.
        clash = await Duplicates.SaveIdNumberAsync(db, figure);
        if (clash is not null) return Problems.Validation("idNumber", clash);
        return TypedResults.Created($"/api/figures/{figure.Id}", new FigureCreated(figure.Id));
    }
}
