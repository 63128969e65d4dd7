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
    /// <summary>How an audit line names the row ("张三", "抖音 abc"); the type's name unless the entity knows better.</summary>
    string AuditLabel => GetType().Name;

    /// <summary>The figure whose history the line belongs to: a figure's own id, a figure-owned row's figure, else none.</summary>
    long? AuditFigureId => this is IFigureOwned owned ? owned.FigureId : null;

    /// <summary>
    /// The region the line belongs to (who may read it): a region-owned row's own region; null for a row of a figure,
    /// whose line then takes the region of the figure named by <see cref="AuditFigureId"/>.
    /// </summary>
    string? AuditRegionCode => this is IRegionOwned owned ? owned.RegionCode : null;
}

/// <summary>
/// Fields the entity derives itself (sort keys, lower-cased keys, timestamps), set on every write path just before
/// the row is written: SaveChanges and the bulk writers alike.
/// </summary>
public interface IStamped
{
    void Stamp(DateTime now, bool added);
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
