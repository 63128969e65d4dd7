using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Organizations;

public sealed record OrganizationInput(string? Name, string? Type, string? RegionCode, string? CreditCode, string? LiaisonOfficer,
    string? LiaisonPhone, string? Address, string? Description, bool? IsBase, string? BaseOffers, int? Version);
public sealed record OrganizationListItem(long Id, string Name, string? Type, string RegionCode, string RegionName, string? CreditCode,
    string? LiaisonOfficer, int FigureCount, bool IsBase);
public sealed record OrganizationFigure(long FigureId, string Name, string? Role);
public sealed record OrganizationDetail(long Id, string Name, string? Type, string RegionCode, string RegionName, string? CreditCode,
    string? LiaisonOfficer, string? LiaisonPhone, string? Address, string? Description, bool IsBase, string? BaseOffers, int Version,
    IReadOnlyList<OrganizationFigure> Figures);
public sealed record LinkFigureRequest(long FigureId, string? Role);
public sealed record OrganizationCreated(long Id);

public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organizations").WithTags("Organizations");
        var read = Permissions.OrganizationsRead;
        var write = Permissions.OrganizationsWrite;
        g.MapGet("/", List).RequireAuthorization(read);
        g.MapPost("/", Create).Produces<OrganizationCreated>(201).RequireAuthorization(write);
        g.MapGet("/{id:long}", Get).Produces<OrganizationDetail>().RequireAuthorization(read);
        g.MapPut("/{id:long}", Update).Produces<OrganizationDetail>().RequireAuthorization(write);
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(write);
        g.MapPost("/{id:long}/figures", Link).RequireAuthorization(write);
        g.MapDelete("/{id:long}/figures/{figureId:long}", Unlink).RequireAuthorization(write);
    }

    public static async Task<Ok<Paged<OrganizationListItem>>> List(TongxinDb db, string? q, string? regionCode, string? type,
        int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            query = query.Within(await ScopedRegions.RequireSubtree(db, regionCode));
        }
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(o => o.Type == type);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = ChineseText.Normalize(q).ToLowerInvariant();
            query = query.Where(o => o.NameKey.Contains(term) || o.CreditCode == term.ToUpperInvariant());
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(o => o.NameKey).ThenBy(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.Type, o.RegionCode,
                db.Regions.Where(r => r.Code == o.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? o.RegionCode,
                o.CreditCode, o.LiaisonOfficer, o.Members.Count, o.IsBase)).ToListAsync();
        return TypedResults.Ok(new Paged<OrganizationListItem>(rows, total));
    }

    private static async Task<(Dictionary<string, string[]> Errors, string? Region, string? Type, string? Credit)> Validate(
        OrganizationInput input, TongxinDb db, long? exceptId)
    {
        var errors = new Dictionary<string, string[]>();
        var name = ChineseText.Normalize(input.Name);
        if (name.Length == 0) errors["name"] = ["请填写单位名称"];
        else if (name.Length > 200) errors["name"] = ["单位名称不能超过200个字"];
        var region = await ScopedRegions.InScope(db, input.RegionCode);
        if (region is null) errors["regionCode"] = [string.IsNullOrWhiteSpace(input.RegionCode) ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        var type = string.IsNullOrWhiteSpace(input.Type) ? null : new DictionaryCodes(db).Resolve("organizationType", input.Type.Trim());
        if (!string.IsNullOrWhiteSpace(input.Type) && type is null) errors["type"] = ["单位类型不在字典中"];
        string? credit = null;
        if (!string.IsNullOrWhiteSpace(input.CreditCode))
        {
            var check = UnifiedCreditCode.Parse(input.CreditCode);
            if (!check.IsValid) errors["creditCode"] = [check.Error!];
            else
            {
                credit = check.Code;
                if (await db.Organizations.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AnyAsync(o => o.CreditCode == credit && o.Id != exceptId))
                    errors["creditCode"] = ["该统一社会信用代码已登记"];
            }
        }
        if (!string.IsNullOrWhiteSpace(input.LiaisonPhone) && !PhoneNumber.Parse(input.LiaisonPhone).IsValid)
            errors["liaisonPhone"] = ["联系电话格式不正确"];
        return (errors, region?.Code, type, credit);
    }

    private static void Apply(Organization o, OrganizationInput input, string region, string? type, string? credit)
    {
        o.Name = ChineseText.Normalize(input.Name);
        o.Type = type;
        o.RegionCode = region;
        o.CreditCode = credit;
        o.LiaisonOfficer = NullIfEmpty(input.LiaisonOfficer);
        o.LiaisonPhone = NullIfEmpty(input.LiaisonPhone);
        o.Address = NullIfEmpty(input.Address);
        o.Description = NullIfEmpty(input.Description);
        o.IsBase = input.IsBase ?? false;
        o.BaseOffers = NullIfEmpty(input.BaseOffers);
    }

    private static string? NullIfEmpty(string? s) => ChineseText.Normalize(s) is { Length: > 0 } t ? t : null;

    public static async Task<IResult> Create(OrganizationInput input, TongxinDb db)
    {
        var (errors, region, type, credit) = await Validate(input, db, null);
        if (errors.Count > 0) return Problems.Validation(errors);
        var o = new Organization { Name = "", RegionCode = region! };
        Apply(o, input, region!, type, credit);
        db.Organizations.Add(o);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/organizations/{o.Id}", new OrganizationCreated(o.Id));
    }

    public static async Task<IResult> Get(long id, TongxinDb db)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var regionName = await db.Regions.Where(r => r.Code == o.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync();
        // Linked figures are listed only where the caller may see them (the member filter follows the figure's region).
        var figures = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == id)
            .OrderBy(m => m.Figure!.SortKey).Select(m => new OrganizationFigure(m.FigureId, m.Figure!.Name, m.Role)).ToListAsync();
        return TypedResults.Ok(new OrganizationDetail(o.Id, o.Name, o.Type, o.RegionCode, regionName ?? o.RegionCode, o.CreditCode,
            o.LiaisonOfficer, o.LiaisonPhone, o.Address, o.Description, o.IsBase, o.BaseOffers, o.Version, figures));
    }

    public static async Task<IResult> Update(long id, OrganizationInput input, TongxinDb db)
    {
        var o = await db.Organizations.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var (errors, region, type, credit) = await Validate(input, db, id);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != o.Version) return Problems.Conflict();
        Apply(o, input, region!, type, credit);
        db.Entry(o).Property(x => x.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return await Get(id, db);
    }

    public static async Task<IResult> Delete(long id, TongxinDb db)
    {
        var o = await db.Organizations.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null) return Problems.NotFound("单位");
        var figureIds = o.Members.Select(m => m.FigureId).ToList();
        db.Organizations.Remove(o);
        await db.SaveChangesAsync();
        if (figureIds.Count > 0) await FigureSearchIndexer.RebuildAsync(db, figureIds, CancellationToken.None);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Link(long id, LinkFigureRequest request, TongxinDb db)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id)) return Problems.NotFound("单位");
        if (!await db.Figures.AnyAsync(f => f.Id == request.FigureId)) return Problems.Validation("figureId", "人士不存在或无权查看");
        if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == id && m.FigureId == request.FigureId))
            return Problems.Validation("figureId", "该人士已关联此单位");
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = id, FigureId = request.FigureId, Role = NullIfEmpty(request.Role) });
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Unlink(long id, long figureId, TongxinDb db)
    {
        var m = await db.OrganizationMembers.FirstOrDefaultAsync(x => x.OrganizationId == id && x.FigureId == figureId);
        if (m is null) return Problems.NotFound("关联");
        db.OrganizationMembers.Remove(m);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
