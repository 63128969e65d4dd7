using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Scope;
using Tongxin.Features.Accounts;
using Tongxin.Features.Dictionaries;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Features.Organizations;
using Tongxin.Features.Regions;

namespace Tongxin.Common.Data;

/// <summary>
/// The one model for both providers. Region-owned data carries the named query filter
/// <see cref="RegionScopeFilter"/>; writes are audited and the search index kept in step in
/// <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
/// </summary>
public abstract class TongxinDb : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public const string RegionScopeFilter = "RegionScope";

    private IDataScope _scope;
    private CurrentActor _actor;

    protected TongxinDb(DbContextOptions options, IDataScope scope, CurrentActor actor) : base(options)
    {
        _scope = scope;
        _actor = actor;
    }

    /// <summary>A pooled context: it sees nothing until <see cref="Bind"/> gives it the renting request's scope.</summary>
    protected TongxinDb(DbContextOptions options) : this(options, DataScopeHolder.NoAccess, new CurrentActor()) { }

    /// <summary>Binds a context rented from the pool to the unit of work (scope and actor) that rented it.</summary>
    internal TongxinDb Bind(IDataScope scope, CurrentActor actor)
    {
        _scope = scope;
        _actor = actor;
        return this;
    }

    // Back in the pool, a context keeps no one's scope: whatever still holds it sees nothing.
    public override void Dispose()
    {
        Bind(DataScopeHolder.NoAccess, new CurrentActor());
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Bind(DataScopeHolder.NoAccess, new CurrentActor());
        return base.DisposeAsync();
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Features.OrgUnits.OrgUnit> OrgUnits => Set<Features.OrgUnits.OrgUnit>();
    public DbSet<Figure> Figures => Set<Figure>();
    public DbSet<FigureSearchKey> FigureSearchKeys => Set<FigureSearchKey>();
    public DbSet<Features.Dashboard.FigureTally> FigureTallies => Set<Features.Dashboard.FigureTally>();
    public DbSet<Features.Dashboard.FigureTallyChange> FigureTallyChanges => Set<Features.Dashboard.FigureTallyChange>();
    public DbSet<PlatformAccount> PlatformAccounts => Set<PlatformAccount>();
    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Honour> Honours => Set<Honour>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<DictionaryItem> DictionaryItems => Set<DictionaryItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportBatchRow> ImportBatchRows => Set<ImportBatchRow>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<Features.Exports.ExportJob> ExportJobs => Set<Features.Exports.ExportJob>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    /// <summary>Data-protection keys (cookies, anti-forgery) shared by every server on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters on every query (EF parameterizes context members).
    public bool ScopeUnrestricted => _scope.IsUnrestricted;
    public string ScopeLow => _scope.Range.Low;
    public string ScopeHigh => _scope.Range.High;
    /// <summary>The scope as a LIKE pattern of region codes: its prefix, or every code (for ListFigures.Walk).</summary>
    public string ScopePattern => _scope.IsUnrestricted ? "%" : _scope.Range.Low + "%";

    public IDataScope Scope => _scope;
    public CurrentActor Actor => _actor;

    /// <summary>True on PostgreSQL; a few columns need the C collation there for range scans.</summary>
    protected abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        ModelConfiguration.Apply(b, this, IsPostgres);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        SaveHooks.BeforeSave(this);
        var audits = AuditCollector.Collect(ChangeTracker);
        var touchedFigures = FigureSearchIndexer.AffectedFigureIds(ChangeTracker);
        if (audits.Count == 0 && touchedFigures.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var ids = touchedFigures.Select(t => t()).Where(id => id > 0).ToHashSet();
        if (ids.Count > 0) await FigureSearchIndexer.RebuildAsync(this, ids, ct);
        if (audits.Count > 0)
            await RawInsert.ExecuteAsync(this, audits.Select(a => a.ToEntry(_actor)).ToList(), AuditCollector.Columns, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>Writes an audit line that is not a row change (sign-in, reveal, export…).</summary>
    public async Task LogAsync(string action, string? entityType, string? entityId, string summary,
        string? regionCode = null, long? figureId = null, CancellationToken ct = default)
    {
        AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow, Action = action, EntityType = entityType, EntityId = entityId,
            Summary = summary, RegionCode = regionCode, FigureId = figureId,
            UserId = _actor.UserId, UserName = _actor.UserName, Ip = _actor.Ip,
        });
        await SaveChangesAsync(ct);
    }
}
