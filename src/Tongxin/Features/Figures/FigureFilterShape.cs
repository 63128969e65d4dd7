using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list filters (<see cref="FigureFilter"/>) checked and taken apart (<see cref="Resolved"/>), and written as plain
/// LINQ over the figures (<see cref="Resolved.Apply"/>): what the list, the export and the dashboard run.
/// </summary>
public static class FigureFilterShape
{
    /// <summary>A filter checked and taken apart; null where a filter does not narrow.</summary>
    /// <param name="KeyLevel">"any" for every key figure, else the level asked for.</param>
    /// <param name="TagKey">The tag's search key (<c>t:</c>).</param>
    public sealed record Resolved(RegionRange? Region, FigureStatus? Status, string? Category, string? KeyLevel,
        string? Platform, long? MinFollowers, string? TagKey, FigureSearch.Plan? Plan)
    {
        /// <summary>Only a term, status, region and category narrow: the key rows (which carry those) answer it alone.</summary>
        public bool KeysAlone => Plan is { NameContains: null, HandleContains: null }
            && KeyLevel is null && Platform is null && MinFollowers is null && TagKey is null;

        /// <summary>The filter on the given figures (the scoped set, or a query over it).</summary>
        public IQueryable<Figure> Apply(TongxinDb db, IQueryable<Figure> query)
        {
            query = Narrow(query);
            if (Plan is not { } plan) return Contains(db, query, null);
            // Driven from the key index (IN, not a correlated EXISTS): the work is proportional to the matches in scope,
            // not to the size of the scope. The category is on the key rows too, so a common term's figures of other
            // categories are skipped in the key index, not each read from Figures.
            var matching = Keys(db).Select(k => k.FigureId);
            query = query.Where(f => matching.Contains(f.Id));
            return Contains(db, query, plan);
        }

        /// <summary>Every filter but the term's keys and those of <see cref="Contains"/>; a region asked for as a range, or as its code prefix.</summary>
        public IQueryable<Figure> Narrow(IQueryable<Figure> query, bool regionAsPrefix = false)
        {
            if (Region is { } prefixed && regionAsPrefix)
            {
                var pattern = prefixed.Low + "%";
                query = query.Where(f => EF.Functions.Like(f.RegionCode, pattern));
            }
            else if (Region is { } region)
            {
                var (low, high) = (region.Low, region.High);
                query = query.Where(f => string.Compare(f.RegionCode, low) >= 0 && string.Compare(f.RegionCode, high) < 0);
            }
            if (Status is { } status) query = query.Where(f => f.Status == status);
            if (Category is { } category) query = query.Where(f => f.Category == category);
            // Written as the partial index of key figures is (IX_Figures_KeyFigures), so both databases match it.
            if (KeyLevel == "any") query = query.Where(f => f.KeyLevel != null);
            else if (KeyLevel is { } level) query = query.Where(f => f.KeyLevel == level);
            if (MinFollowers is { } min) query = query.Where(f => f.MaxFollowers >= min);
            return query;
        }

        /// <summary>The filters that need another table than Figures: platform, tag, and a term's whole-text check.</summary>
        public IQueryable<Figure> Contains(TongxinDb db, IQueryable<Figure> query, FigureSearch.Plan? plan)
        {
            if (Platform is { } platform) query = query.Where(f => db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.Platform == platform));
            if (TagKey is { } tagKey)
            {
                var tagged = db.FigureSearchKeys.Where(k => k.Key == tagKey).Select(k => k.FigureId);
                query = query.Where(f => tagged.Contains(f.Id));
            }
            if (plan?.NameContains is { } term)
                query = query.Where(f => f.Name.Contains(term)
                    || db.OrganizationMembers.Any(m => m.FigureId == f.Id && m.Organization!.NameKey.Contains(term))
                    || db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(term)));
            if (plan?.HandleContains is { } handle)
                query = query.Where(f => db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(handle)));
            return query;
        }

        /// <summary>
        /// The figures that have a key of the term, tested figure by figure on the figure's own keys (an index seek on
        /// (FigureId, Key) each): for a page walked in another order (<see cref="ListFigures"/>).
        /// </summary>
        public IQueryable<Figure> HavingKeys(TongxinDb db, IQueryable<Figure> query, FigureSearch.Plan plan)
        {
            var keys = db.FigureSearchKeys;
            var exact = FigureSearch.ThreeKeys(plan.ExactKeys);
            var (k0, k1, k2) = exact ?? ("", "", "");
            if (plan.Prefix is var (low, high))
                return exact is null
                    ? query.Where(f => keys.Any(k => k.FigureId == f.Id && string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0))
                    : query.Where(f => keys.Any(k => k.FigureId == f.Id && new[] { k0, k1, k2 }.Contains(k.Key))
                        || keys.Any(k => k.FigureId == f.Id && string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0));
            if (exact is null)
            {
                var all = plan.ExactKeys.ToArray();
                return query.Where(f => keys.Any(k => k.FigureId == f.Id && EF.Parameter(all).Contains(k.Key)));
            }
            return query.Where(f => keys.Any(k => k.FigureId == f.Id && new[] { k0, k1, k2 }.Contains(k.Key)));
        }

        /// <summary>The key rows the term matches, within the region, status and category asked for.</summary>
        public IQueryable<FigureSearchKey> Keys(TongxinDb db, FigureSearch.Plan? plan = null)
        {
            var keys = db.FigureSearchKeys.AsQueryable();
            if (Region is { } region)
            {
                var (low, high) = (region.Low, region.High);
                keys = keys.Where(k => string.Compare(k.RegionCode, low) >= 0 && string.Compare(k.RegionCode, high) < 0);
            }
            if (Status is { } status) keys = keys.Where(k => k.Status == status);
            // The last column of the key index: tested on its entries, no figure read.
            if (Category is { } category) keys = keys.Where(k => k.Category == category);
            return MatchingKeys(keys, plan ?? Plan!);
        }
    }

    /// <summary>Bad values are field errors, never ignored (region first, then status, then follower tier).</summary>
    public static async Task<Resolved> ResolveAsync(FigureFilter filter, TongxinDb db)
    {
        var region = await filter.RegionRangeAsync(db);
        var status = filter.WantedStatus();
        var category = string.IsNullOrWhiteSpace(filter.Category) ? null : filter.Category;
        var keyLevel = string.IsNullOrWhiteSpace(filter.KeyLevel) ? null : filter.KeyLevel;
        var platform = string.IsNullOrWhiteSpace(filter.Platform) ? null : filter.Platform;
        long? min = null;
        if (!string.IsNullOrWhiteSpace(filter.FollowerTier))
            min = FigureFilter.Tiers.TryGetValue(filter.FollowerTier, out var m) ? m : throw FieldValidationException.Single("followerTier", "粉丝量级无效");
        var tag = string.IsNullOrWhiteSpace(filter.Tag) ? null : "t:" + filter.Tag.Trim().ToLowerInvariant();
        return new Resolved(region, status, category, keyLevel, platform, min, tag, FigureSearch.For(filter.Q));
    }

    /// <summary>
    /// The key rows a search term matches: the exact keys (one to three) as one inline list (<c>IN (@k0, @k1, @k2)</c>,
    /// padded with the last: the same SQL for every search; an OR of keys made PostgreSQL visit the table for every
    /// match), the pinyin prefix as its own branch of a UNION ALL, so each branch is a plain range of the key index.
    /// </summary>
    public static IQueryable<FigureSearchKey> MatchingKeys(IQueryable<FigureSearchKey> keys, FigureSearch.Plan plan)
    {
        IQueryable<FigureSearchKey>? rows = null;
        if (FigureSearch.ThreeKeys(plan.ExactKeys) is var (k0, k1, k2))
            rows = keys.Where(k => new[] { k0, k1, k2 }.Contains(k.Key));
        else if (plan.ExactKeys.Count > 0)
        {
            var exact = plan.ExactKeys.ToArray();
            rows = keys.Where(k => EF.Parameter(exact).Contains(k.Key));
        }
        if (plan.Prefix is var (low, high))
        {
            var inRange = keys.Where(k => string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0);
            rows = rows is null ? inRange : rows.Concat(inRange);
        }
        return rows ?? keys.Where(k => false);
    }
}
