namespace Tongxin.Common.Domain;

/// <summary>Data that belongs to a region; the region data-scope query filter applies to it.</summary>
public interface IRegionOwned
{
    string RegionCode { get; }
}

/// <summary>Data that belongs to a figure; it is scoped through its figure's region.</summary>
public interface IFigureOwned
{
    long FigureId { get; }
}

/// <summary>Writes to this entity are recorded in the audit log with before/after values.</summary>
public interface IAudited
{
}

/// <summary>Optimistic concurrency: a stale <see cref="Version"/> answers 409.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Marks a property whose value must never reach the audit log (only "changed").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Marks a property that is internal bookkeeping and is not audited.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
