using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Features.OrgUnits;

namespace Tongxin.Features.HelpRequests;

/// <summary>A unit that help requests were routed to cannot be deleted: its parts keep the requests' history.</summary>
public sealed class HelpRequestUnitReferences : IOrgUnitReferences
{
    public async Task<IReadOnlyList<string>> Describe(TongxinDb db, long unitId)
    {
        // Every region: a part of a request outside the caller's scope still holds the key.
        var parts = await db.HelpRequestParts.IgnoreQueryFilters().CountAsync(p => p.OrgUnitId == unitId);
        return parts > 0 ? [$"{parts}条诉求转办记录"] : [];
    }
}
