namespace Tongxin.Common.Scope;

/// <summary>
/// The caller's region scope. Every region-owned query goes through the EF named query filter
/// that reads this; an unrestricted scope is only for operators (CLI verbs, start-up, demo seed).
/// </summary>
public interface IDataScope
{
    bool IsUnrestricted { get; }
    RegionRange Range { get; }
}

public sealed class UnrestrictedScope : IDataScope
{
    public static readonly UnrestrictedScope Instance = new();
    public bool IsUnrestricted => true;
    // Every code is a digit string, so ["0", ":") holds them all; a plain range keeps the index usable.
    public RegionRange Range => new("0", ":");
}

public sealed class FixedScope(RegionRange range) : IDataScope
{
    public bool IsUnrestricted => false;
    public RegionRange Range { get; } = range;
}
