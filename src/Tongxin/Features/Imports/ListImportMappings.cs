using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;

namespace Tongxin.Features.Imports;

/// <summary>A remembered mapping with the labels to show it by.</summary>
public sealed record ImportMappingView(long Id, string RegionCode, string Type, string TypeLabel, string Value, string Code, string CodeLabel,
    DateTime CreatedAt, string? UserName);

/// <summary>GET /api/import-mappings: the words → codes remembered for the regions in the caller's scope.</summary>
public static class ListImportMappings
{
    public static async Task<Ok<List<ImportMappingView>>> Handle(TongxinDb db)
    {
        var rows = await db.ImportMappings.AsNoTracking()
            .OrderBy(m => m.RegionCode).ThenBy(m => m.Type).ThenBy(m => m.ValueKey).Take(1000).ToListAsync();
        var codes = new DictionaryCodes(db);
        return TypedResults.Ok(rows.Select(m => new ImportMappingView(m.Id, m.RegionCode, m.Type,
            Dictionaries.DefaultDictionaries.TypeLabels.GetValueOrDefault(m.Type, m.Type), m.Value, m.Code,
            codes.Label(m.Type, m.Code), m.CreatedAt, m.UserName)).ToList());
    }
}
