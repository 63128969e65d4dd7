using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Regions;

public sealed record CreateRegionRequest(string? Code, string? Name, string? ParentCode);

public static class CreateRegion
{
    /// <summary>Adds a region under a parent in scope; the code must sit one level below the parent and start with its prefix.</summary>
    public static async Task<Results<Created<RegionItem>, ValidationProblem>> Handle(CreateRegionRequest request, TongxinDb db)
    {
        var code = request.Code?.Trim();
        var name = request.Name?.Trim();
        if (!Region.IsWellFormedCode(code)) return Problems.Validation("code", "地区代码应为6位（县级及以上）或9位（乡镇街道）数字");
        if (string.IsNullOrEmpty(name)) return Problems.Validation("name", "请填写地区名称");
        var parent = request.ParentCode is null ? null
            : await db.Regions.FirstOrDefaultAsync(r => r.Code == request.ParentCode);
        if (request.ParentCode is not null && parent is null) return Problems.Validation("parentCode", "上级地区代码无效");
        var level = Region.LevelOf(code!);
        if (parent is not null)
        {
            if (level != parent.Level + 1) return Problems.Validation("code", "地区代码与上级地区的层级不符");
            if (!code!.StartsWith(Region.ScopePrefix(parent.Code, parent.Level)))
                return Problems.Validation("code", "地区代码应以上级地区代码开头");
        }
        else if (!db.ScopeUnrestricted && !db.Scope.Range.Contains(code)) return Problems.Validation("parentCode", "请选择上级地区");
        if (await db.Regions.AnyAsync(r => r.Code == code))
            return Problems.Validation("code", "地区代码已存在");
        var region = new Region
        {
            Code = code!,
            Name = name!,
            ParentCode = parent?.Code,
            Level = level,
            FullName = parent is null ? name! : parent.FullName + name,
        };
        db.Regions.Add(region);
        // The region and its audit line in one write.
        await db.LogAsync("region-create", "Region", region.Code, $"新增地区 {region.FullName}（{region.Code}）", region.Code);
        return TypedResults.Created($"/api/regions/{code}", new RegionItem(region.Code, region.Name, region.FullName, region.ParentCode, region.Level));
    }
}
