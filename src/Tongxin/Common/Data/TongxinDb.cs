using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Scope;

namespace Tongxin.Common.Data;

/// <summary>
/// The one model for both providers. Region-owned data carries the named query filter
/// <see cref="RegionScopeFilter"/>; every write runs the <see cref="WriteEffects"/> (stamps, audit lines, search
/// keys…) in <see cref="SaveChangesAsync(bool, CancellationToken)"/>, as the bulk writers do.
/// </summary>
public abstract partial class TongxinDb : IdentityDbContext<AppUser>, IDataProtectionKeyContext
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
        _writeState = null;
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

    public DbSet<Scope.Region> Regions => Set<Scope.Region>();
    public DbSet<Dictionaries.DictionaryItem> DictionaryItems => Set<Dictionaries.DictionaryItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    /// <summary>Data-protection keys (cookies, anti-forgery) shared by every server on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters on every query (EF parameterizes context members).
    public bool ScopeUnrestricted => _scope.IsUnrestricted;
    public string ScopeLow => _scope.Range.Low;
    public string ScopeHigh => _scope.Range.High;

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
        var effects = await WriteEffects.BeforeTrackedAsync(this, bulk: false, ct);
        if (effects.IsEmpty)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        await effects.AfterAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return count;
    }

    private Dictionary<Type, object>? _writeState;

    /// <summary>
    /// What a write effect keeps for this unit of work (the import's staged search keys), found by its type;
    /// forgotten when the context is bound to another unit of work or goes back to the pool.
    /// </summary>
    public T? WriteState<T>() where T : class => _writeState?.GetValueOrDefault(typeof(T)) as T;

    public void SetWriteState<T>(T? state) where T : class
    {
        if (state is null) _writeState?.Remove(typeof(T));
        else (_writeState ??= [])[typeof(T)] = state;
    }

    /// <summary>Writes an audit line that is not a row change (sign-in, reveal, export…).</summary>
    public async Task LogAsync(string action, string? entityType, string? entityId, string summary,
        string? regionCode = null, long? figureId = null, CancellationToken ct = default)
    {
        AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            RegionCode = regionCode,
            FigureId = figureId,
            UserId = _actor.UserId,
            UserName = _actor.UserName,
            Ip = _actor.Ip,
        });
        await SaveChangesAsync(ct);
    }
}
