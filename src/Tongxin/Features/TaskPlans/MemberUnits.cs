using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Text;

namespace Tongxin.Features.TaskPlans;

public sealed record UnitRef(long Id, string Name);

/// <summary>The member units (org units of kind 成员单位) in the caller's scope, by id and by name as a plan writes them.</summary>
public sealed class MemberUnits
{
    public const string Kind = "memberUnit";
    private readonly List<UnitRef> _units;

    private MemberUnits(List<UnitRef> units) => _units = units;

    public IReadOnlyList<UnitRef> All => _units;

    public static async Task<MemberUnits> Load(TongxinDb db) =>
        new(await db.OrgUnits.AsNoTracking().Where(u => u.Kind == Kind).OrderBy(u => u.Name)
            .Select(u => new UnitRef(u.Id, u.Name)).ToListAsync());

    public bool Has(long id) => _units.Any(u => u.Id == id);

    /// <summary>
    /// A unit named as written in a plan: the exact name, else the one unit whose full name ends with it
    /// ("市委网信办" for "泸州市委网信办"); null when none or several match.
    /// </summary>
    public UnitRef? Resolve(string name)
    {
        var key = ChineseText.Normalize(name);
        if (key.Length == 0) return null;
        var exact = _units.Where(u => u.Name == key).ToList();
        if (exact.Count == 1) return exact[0];
        var suffix = _units.Where(u => u.Name.EndsWith(key, StringComparison.Ordinal)).ToList();
        return suffix.Count == 1 ? suffix[0] : null;
    }

    /// <summary>Names of units by id, for display. A task's units are in its plan's region (they are resolved in scope when the task is written).</summary>
    public static async Task<Dictionary<long, string>> Names(TongxinDb db, IEnumerable<long> ids)
    {
        var wanted = ids.Distinct().ToList();
        return await db.OrgUnits.AsNoTracking()
            .Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
    }
}
