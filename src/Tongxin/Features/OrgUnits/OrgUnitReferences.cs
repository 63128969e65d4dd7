using Tongxin.Common.Data;

namespace Tongxin.Features.OrgUnits;

/// <summary>
/// Records of another feature that refer to an org unit and keep it from being deleted (their foreign keys restrict).
/// Features that depend on org units implement it, so deleting a unit can name what still refers to it without this
/// feature naming them (decision 0011: dependencies go one way). Found by reflection, as the entity configurations are.
/// </summary>
public interface IOrgUnitReferences
{
    /// <summary>What still refers to the unit, e.g. "3条诉求转办记录", across every region; empty when nothing does.</summary>
    Task<IReadOnlyList<string>> Describe(TongxinDb db, long unitId);
}

public static class OrgUnitReferences
{
    private static readonly IOrgUnitReferences[] All = typeof(IOrgUnitReferences).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOrgUnitReferences).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IOrgUnitReferences)Activator.CreateInstance(t)!).ToArray();

    public static async Task<List<string>> Describe(TongxinDb db, long unitId)
    {
        var found = new List<string>();
        foreach (var source in All) found.AddRange(await source.Describe(db, unitId));
        return found;
    }
}
