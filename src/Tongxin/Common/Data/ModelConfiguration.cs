using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Audit;
using Tongxin.Common.Auth;
using Tongxin.Common.Domain;
using Tongxin.Features.Accounts;
using Tongxin.Features.Dictionaries;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Features.Organizations;
using Tongxin.Features.Regions;

namespace Tongxin.Common.Data;

/// <summary>Mapping of the shared model; provider differences are limited to collations here.</summary>
internal static class ModelConfiguration
{
    public static void Apply(ModelBuilder b, TongxinDb db, bool postgres)
    {
        // Range scans over codes and keys must follow byte order on PostgreSQL too.
        void Ordinal<T>(Expression<Func<T, string>> column) where T : class
        {
            if (postgres) b.Entity<T>().Property(column).UseCollation("C");
        }

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.RegionCode).HasMaxLength(12);
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasOne<Features.OrgUnits.OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Region>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(12);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.FullName).HasMaxLength(200);
            e.HasIndex(r => r.ParentCode);
            e.HasIndex(r => r.Name);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, r => (string.Compare(r.Code, db.ScopeLow) >= 0 && string.Compare(r.Code, db.ScopeHigh) < 0));
        });
        Ordinal<Region>(r => r.Code);

        b.Entity<Features.OrgUnits.OrgUnit>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(100);
            e.Property(u => u.Kind).HasMaxLength(20);
            e.Property(u => u.RegionCode).HasMaxLength(12);
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasIndex(u => u.RegionCode);
            e.HasOne<Features.OrgUnits.OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, u => (string.Compare(u.RegionCode, db.ScopeLow) >= 0 && string.Compare(u.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Features.OrgUnits.OrgUnit>(u => u.RegionCode);

        b.Entity<Figure>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(50);
            e.Property(f => f.SortKey).HasMaxLength(200);
            e.Property(f => f.RegionCode).HasMaxLength(12);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.RegionCode, f.SortKey });
            // The orders of the list, each with the filters a walk in that order tests in the entries (ListFigures.Walk).
            e.HasIndex(f => new { f.SortKey, f.Id, f.Status, f.RegionCode, f.KeyLevel, f.Category }, "IX_Figures_ByName");
            // The list without a search term: status and region narrow, the key level is checked in the index,
            // and the count reads nothing else (a city's key figures were ~50,000 table reads).
            // Category and follower count in the entries too: a city's count with either reads no figure.
            e.HasIndex(f => new { f.Status, f.RegionCode, f.KeyLevel, f.SortKey, f.Id, f.Category, f.MaxFollowers }, "IX_Figures_InRegion");
            // The key figures alone (about one in twelve): their list and count read a city's few thousand entries, not
            // every figure of the city (PostgreSQL at 1M figures: 9 + 7 ms for page and count before, 1.7 + 1 after).
            // The filter is written as the list's query writes it, so both databases match the query to it.
            // The level in the entries: a level asked for is tested there (keyLevel=city at province scope: 500 ms reading figures).
            e.HasIndex(f => new { f.Status, f.RegionCode, f.SortKey, f.Id, f.KeyLevel }, "IX_Figures_KeyFigures").HasFilter("\"KeyLevel\" IS NOT NULL");
            e.HasIndex(f => f.IdNumberHash);
            e.HasIndex(f => f.PhoneHash);
            e.HasIndex(f => new { f.MaxFollowers, f.Id, f.Status, f.RegionCode, f.KeyLevel, f.Category }, "IX_Figures_ByFollowers")
                .IsDescending(true, false, false, false, false, false);
            e.HasIndex(f => new { f.EnrolledOn, f.Id, f.Status, f.RegionCode, f.KeyLevel, f.Category }, "IX_Figures_ByEnrolment")
                .IsDescending(true, false, false, false, false, false);
            e.HasIndex(f => f.ImportBatchId);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, f => (string.Compare(f.RegionCode, db.ScopeLow) >= 0 && string.Compare(f.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Figure>(f => f.RegionCode);

        b.Entity<FigureSearchKey>(e =>
        {
            // Status, SortKey and Category in the key itself (not a second index of 20M rows): a term's page and count are read from it alone.
            e.HasKey(k => new { k.Key, k.RegionCode, k.Status, k.SortKey, k.FigureId, k.Category });
            e.Property(k => k.Key).HasMaxLength(80);
            e.Property(k => k.RegionCode).HasMaxLength(12);
            e.Property(k => k.SortKey).HasMaxLength(200);
            e.Property(k => k.Category).HasMaxLength(40);
            // No foreign key to Figures: the indexer deletes a figure's keys with it, and checking the parent of
            // every key row cost about a third of an import's key writes (decision 0002).
            // A figure's keys (the indexer deletes them by figure), and whether one figure has a key of a term, for a page
            // walked in another order than the keys' (ListFigures.Walk).
            e.HasIndex(k => new { k.FigureId, k.Key });
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, k => (string.Compare(k.RegionCode, db.ScopeLow) >= 0 && string.Compare(k.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<FigureSearchKey>(k => k.Key);
        Ordinal<FigureSearchKey>(k => k.RegionCode);

        // Kept by database triggers (Features/Dashboard/FigureTallySql.cs); the key serves "a region's rows of one dimension".
        b.Entity<Features.Dashboard.FigureTally>(e =>
        {
            e.HasKey(t => new { t.Dimension, t.RegionCode, t.Value });
            e.Property(t => t.Dimension).HasMaxLength(20);
            e.Property(t => t.RegionCode).HasMaxLength(12);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, t => (string.Compare(t.RegionCode, db.ScopeLow) >= 0 && string.Compare(t.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Features.Dashboard.FigureTally>(t => t.Dimension);
        Ordinal<Features.Dashboard.FigureTally>(t => t.RegionCode);

        // Appended by the PostgreSQL triggers and folded into FigureTallies; read by region like them.
        b.Entity<Features.Dashboard.FigureTallyChange>(e =>
        {
            e.HasIndex(t => new { t.RegionCode, t.Dimension });
            e.Property(t => t.Dimension).HasMaxLength(20);
            e.Property(t => t.RegionCode).HasMaxLength(12);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, t => (string.Compare(t.RegionCode, db.ScopeLow) >= 0 && string.Compare(t.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Features.Dashboard.FigureTallyChange>(t => t.Dimension);
        Ordinal<Features.Dashboard.FigureTallyChange>(t => t.RegionCode);

        b.Entity<PlatformAccount>(e =>
        {
            e.Property(a => a.Platform).HasMaxLength(40);
            e.Property(a => a.Handle).HasMaxLength(100);
            e.Property(a => a.HandleKey).HasMaxLength(100);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.FigureId);
            e.HasIndex(a => new { a.Platform, a.HandleKey });
            e.HasOne(a => a.Figure).WithMany(f => f.Accounts).HasForeignKey(a => a.FigureId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, a => (string.Compare(a.Figure!.RegionCode, db.ScopeLow) >= 0 && string.Compare(a.Figure!.RegionCode, db.ScopeHigh) < 0));
        });

        b.Entity<MetricSnapshot>(e =>
        {
            e.HasIndex(s => new { s.AccountId, s.Date });
            e.HasOne(s => s.Account).WithMany(a => a.Snapshots).HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, s => (string.Compare(s.Account!.Figure!.RegionCode, db.ScopeLow) >= 0 && string.Compare(s.Account!.Figure!.RegionCode, db.ScopeHigh) < 0));
        });

        b.Entity<Position>(e =>
        {
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.FigureId);
            e.HasOne(p => p.Figure).WithMany(f => f.Positions).HasForeignKey(p => p.FigureId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, p => (string.Compare(p.Figure!.RegionCode, db.ScopeLow) >= 0 && string.Compare(p.Figure!.RegionCode, db.ScopeHigh) < 0));
        });

        b.Entity<Honour>(e =>
        {
            e.Property(h => h.Version).IsConcurrencyToken();
            e.HasIndex(h => h.FigureId);
            e.HasOne(h => h.Figure).WithMany(f => f.Honours).HasForeignKey(h => h.FigureId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, h => (string.Compare(h.Figure!.RegionCode, db.ScopeLow) >= 0 && string.Compare(h.Figure!.RegionCode, db.ScopeHigh) < 0));
        });

        b.Entity<Organization>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.NameKey).HasMaxLength(200);
            e.Property(o => o.RegionCode).HasMaxLength(12);
            e.Property(o => o.CreditCode).HasMaxLength(18);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => new { o.RegionCode, o.NameKey });
            e.HasIndex(o => o.CreditCode);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, o => (string.Compare(o.RegionCode, db.ScopeLow) >= 0 && string.Compare(o.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Organization>(o => o.RegionCode);

        b.Entity<OrganizationMember>(e =>
        {
            e.HasKey(m => new { m.OrganizationId, m.FigureId });
            e.HasIndex(m => m.FigureId);
            e.HasOne(m => m.Organization).WithMany(o => o.Members).HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Figure).WithMany().HasForeignKey(m => m.FigureId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, m => (string.Compare(m.Figure!.RegionCode, db.ScopeLow) >= 0 && string.Compare(m.Figure!.RegionCode, db.ScopeHigh) < 0));
        });

        b.Entity<DictionaryItem>(e =>
        {
            e.Property(d => d.Type).HasMaxLength(40);
            e.Property(d => d.Code).HasMaxLength(40);
            e.Property(d => d.Label).HasMaxLength(100);
            e.HasIndex(d => new { d.Type, d.Code }).IsUnique();
        });

        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.EntityId).HasMaxLength(60);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.FigureId);
        });

        b.Entity<ImportBatch>(e =>
        {
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.HasIndex(x => x.CreatedAt);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, x => (string.Compare(x.RegionCode, db.ScopeLow) >= 0 && string.Compare(x.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<ImportBatch>(x => x.RegionCode);
        b.Entity<ImportBatchRow>(e =>
        {
            e.HasIndex(x => x.BatchId);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ImportJob>(e =>
        {
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, x => (string.Compare(x.RegionCode, db.ScopeLow) >= 0 && string.Compare(x.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<ImportJob>(x => x.RegionCode);
        b.Entity<Features.Exports.ExportJob>(e =>
        {
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.State).HasMaxLength(16);
            e.Property(x => x.FileToken).HasMaxLength(32);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.UserId, x.CreatedAt });
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasQueryFilter(TongxinDb.RegionScopeFilter, x => (string.Compare(x.RegionCode, db.ScopeLow) >= 0 && string.Compare(x.RegionCode, db.ScopeHigh) < 0));
        });
        Ordinal<Features.Exports.ExportJob>(x => x.RegionCode);

        // System bookkeeping, not region data: no scope filter.
        b.Entity<Jobs.JobRun>(e =>
        {
            e.HasKey(x => new { x.Name, x.Period });
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Period).HasMaxLength(16);
            e.Property(x => x.Server).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(500);
        });

        // Times are stored as UTC; reading them back must say so, or JSON would drop the "Z".
        foreach (var entity in b.Model.GetEntityTypes())
        foreach (var prop in entity.GetProperties())
        {
            if (prop.ClrType == typeof(DateTime)) prop.SetValueConverter(UtcConverters.Required);
            else if (prop.ClrType == typeof(DateTime?)) prop.SetValueConverter(UtcConverters.Optional);
        }
    }

    /// <summary>Entity types that must carry the region filter (checked by a model test).</summary>
    public static bool IsRegionScoped(Type t) =>
        typeof(IRegionOwned).IsAssignableFrom(t) || typeof(IFigureOwned).IsAssignableFrom(t);
}
