using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.AuditLog;

public sealed record AuditItem(long Id, DateTime At, string? UserName, string Action, string? EntityType, string? EntityId,
    string? Summary, Dictionary<string, JsonElement[]>? Changes, string? Ip);

public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Permissions.AuditRead);
    }

    public static async Task<Ok<Paged<AuditItem>>> List(TongxinDb db, System.Security.Claims.ClaimsPrincipal me, string? userName, string? action, string? entityType,
        string? entityId, DateTime? from, DateTime? to, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var q = db.AuditEntries.AsNoTracking();
        // Region administrators see their subtree's lines plus their own actions; the root region's see every line
        // (also those that belong to no region: dictionary changes, sign-ins of unknown names before they had one).
        var region = me.RegionCode();
        var root = region is not null && await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == region && r.ParentCode == null);
        if (!db.ScopeUnrestricted && !root)
        {
            var (low, high) = (db.ScopeLow, db.ScopeHigh);
            var uid = db.Actor.UserId;
            q = q.Where(a => (a.RegionCode != null && string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) < 0) || a.UserId == uid);
        }
        if (!string.IsNullOrWhiteSpace(userName)) q = q.Where(a => a.UserName == userName.Trim());
        if (!string.IsNullOrWhiteSpace(action)) q = q.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) q = q.Where(a => a.EntityId == entityId);
        if (from is not null) q = q.Where(a => a.At >= from.Value.ToUniversalTime());
        if (to is not null) q = q.Where(a => a.At < to.Value.ToUniversalTime());
        var total = await q.CountAsync();
        var rows = await q.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return TypedResults.Ok(new Paged<AuditItem>(rows.Select(ToItem).ToList(), total));
    }

    public static AuditItem ToItem(Common.Audit.AuditEntry a) => new(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId,
        a.Summary, a.Changes is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(a.Changes), a.Ip);
}
