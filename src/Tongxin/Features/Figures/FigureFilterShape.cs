using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list filters (<see cref="FigureFilter"/>) checked and taken apart (<see cref="Resolved"/>) and written as plain
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
        /// <summary>
        /// Only a term, status, region, category, tag and platform narrow: the key rows, which carry those (a tag and a
        /// platform are keys of their own, looked up for each of the term's key rows: <see cref="HasFilterKeys"/>), answer it alone.
        /// </summary>
        public bool KeysAlone => Plan is { NameContains: null, HandleContains: null } && KeyLevel is null && MinFollowers is null;

        /// <summary>
        /// A term with a key level or a follower tier, which the key rows do not carry: a province's search in name order
        /// reads each key's rows in name order all the same, with a look-up of each row's figure for the filter
        /// (<see cref="HasFigureFilters"/>; <see cref="KeyOnlySearch.AppliesWithFigureLookups"/>).
        /// </summary>
        public bool KeysWithFigureLookups => Plan is { NameContains: null, HandleContains: null } && (KeyLevel is not null || MinFollowers is not null);

        /// <summary>
        /// The key rows whose figure has the key level and followers asked for: one primary-key look-up of the figure per row.
        /// PostgreSQL, planning the figures' filter for its values, walked the figures in name order for 王 and met the
        /// 王s (SortKey wang…) only after 150,000 figures (1.7 s at 1,000,000 figures): the term and the order are not
        /// independent, which its estimate assumes.
        /// </summary>
        public IQueryable<FigureSearchKey> HasFigureFilters(TongxinDb db, IQueryable<FigureSearchKey> keys)
        {
            if (KeyLevel is null && MinFollowers is null) return keys;
            var figures = OnFigureColumns(db.Figures.AsNoTracking());
            return keys.Where(k => figures.Any(f => f.Id == k.FigureId));
        }

        /// <summary>The key level and follower tier: the filters only a figure's own row answers.</summary>
        private IQueryable<Figure> OnFigureColumns(IQueryable<Figure> query)
        {
            // Written as the partial index of key figures is (IX_Figures_KeyFigures), so both databases match it.
            if (KeyLevel == "any") query = query.Where(f => f.KeyLevel != null);
            else if (KeyLevel is { } level) query = query.Where(f => f.KeyLevel == level);
            return MinFollowers is { } min ? query.Where(f => f.MaxFollowers >= min) : query;
        }

        /// <summary>The platform's search key (<see cref="FigureSearchIndexer.PlatformKey"/>).</summary>
        public string? PlatformKey => Platform is { } platform ? FigureSearchIndexer.PlatformKey(platform) : null;

        /// <summary>
        /// The key rows whose figure has the tag and the platform asked for: one seek of that key's row per row, since a
        /// figure's key rows all carry its region, status and sort key (王 + a tag in a city at 1,000,000 figures: the term's
        /// 10,000 rows each looked up in the index, where the tag's 200,000 figures across the province were read as a list).
        /// </summary>
        public IQueryable<FigureSearchKey> HasFilterKeys(TongxinDb db, IQueryable<FigureSearchKey> keys)
        {
            var all = db.FigureSearchKeys.AsNoTracking();
            foreach (var key in new[] { TagKey, PlatformKey }.OfType<string>())
                keys = keys.Where(k => all.Any(t => t.Key == key && t.RegionCode == k.RegionCode && t.Status == k.Status
                    && t.SortKey == k.SortKey && t.FigureId == k.FigureId));
            return keys;
        }

        /// <summary>
        /// A tag or a platform without a term (<see cref="ResolveAsync"/> makes it the plan's key): as common as a filter,
        /// not as rare as a name.
        /// </summary>
        public bool IsFilterKeyOnly => Plan is { Prefix: null, ExactKeys: [var key] } && (key.StartsWith("t:", StringComparison.Ordinal)
            || key.StartsWith("a:", StringComparison.Ordinal));

        /// <summary>
        /// On SQLite, a list without a term or a region asked for, in a province's scope (a two-digit prefix) or none:
        /// the page is found by walking the index of the order asked for (name, followers, enrolment, region), with the
        /// scope and the status tested on each row it meets (<see cref="Walking"/>).
        /// </summary>
        /// <remarks>
        /// SQLite keeps no statistics of how many rows a range holds: given the scope's range on the region code and
        /// the status, it always took the (Status, RegionCode, …) index and sorted every figure of the province
        /// (4.3 s for <c>-followers</c> at 1,000,000 figures, 8.4 s with the 1m follower tier). The scope is nearly
        /// every figure there, so the order's index meets a page's rows within its first entries. PostgreSQL plans this
        /// from its statistics and keeps the plain filter; so do cities and districts, whose region range is narrow.
        /// Active figures (or every status) only: the figures who left or moved may be none at all, and a walk then read
        /// every figure of the province to find no row (5 s at 1,000,000 figures). Where they are common the bounded walk
        /// (<see cref="TriesBoundedWalk"/>) finds their page; where it does not, they are few and the status index sorts them.
        /// </remarks>
        public bool WalksOrder(TongxinDb db) =>
            db is SqliteTongxinDb && (Plan is null || IsFilterKeyOnly) && Region is null && Status is null or FigureStatus.Active
            && KeyOnlySearch.IsProvinceWide(db);

        /// <summary>
        /// The filter over the scoped figures for <see cref="WalksOrder"/>: the same rows, but the scope's range and the
        /// status are written as expressions (<c>"RegionCode" || ''</c>, <c>"Status" + 0</c>) that no index can take, so
        /// that SQLite walks the order's index and tests them on the rows it meets. The scope is the region filter's own
        /// range, restated here: the one bypass of the filter in the list (ModelTests' allow-list).
        /// </summary>
        public IQueryable<Figure> Walking(TongxinDb db)
        {
            var (low, high) = (db.ScopeLow, db.ScopeHigh);
            var query = Unscoped(db).Where(f => string.Compare(f.RegionCode + "", low) >= 0 && string.Compare(f.RegionCode + "", high) < 0);
            if (Status is { } status)
            {
                var code = (int)status;
                query = query.Where(f => (int)f.Status + 0 == code);
            }
            return Apply(db, query, statusDone: true, indexFree: true);
        }

        /// <summary>How many entries of the order's index a bounded walk reads at most (<see cref="BoundedWalkAsync"/>).</summary>
        public const int WalkWindow = 4000;

        /// <summary>
        /// The walk's window on this database: PostgreSQL reads the window's figures as one bitmap scan, all of them before
        /// the page is cut (4,000 rows: 44 ms), where SQLite stops at the page's last row; there it walks a quarter as far.
        /// </summary>
        public static int WindowFor(TongxinDb db, int window) => db is SqliteTongxinDb ? window : window / 4;

        /// <summary>
        /// On SQLite, a list without a term in name, follower or enrolment order, for a page within the first few (PostgreSQL:
        /// below): its page
        /// is first looked for in the first <see cref="WalkWindow"/> entries of the order's index (<see cref="BoundedWalkAsync"/>),
        /// whatever the scope and filters; only if that does not fill the page does the list take its other query.
        /// </summary>
        /// <remarks>
        /// A city's list by followers or enrolment read every figure of the city from the region index and sorted it
        /// (15,866 figures at 300,000: 120–400 ms on a loaded machine), where about one row in twenty of the order's index
        /// is the city's and page 1 is within its first 400 entries. Bounded, the walk cannot run through the whole table
        /// for a narrow filter (a district's left figures): it stops at the window and the sorted query answers.
        /// A city's key figures are not walked: one in a few hundred entries of the order's index, the walk does not fill
        /// its page (12 ms lost at 1,000,000 figures), and their partial index serves the sorted query.
        /// Every twentieth entry of the window is expected to match at worst, hence the page limit. In region order the
        /// walk is tried only for a province's scope: a city's rows are not among the first regions of the province.
        /// A search term is walked so only for a province's scope (or none) with no region asked for: a common term there
        /// (李 with <c>-followers</c>) had every match's figure read and sorted, where its matches are one figure in a dozen or
        /// so of the order's index. The term's matches are read from the key index once (an <c>IN</c> list, which SQLite
        /// builds once) and tested on each walked figure. In a city's scope the same term is one figure in a few hundred of
        /// the order's index, beyond the window: that search keeps its sorted query.
        /// PostgreSQL, which plans a list for its values (PlansForValues), walks only a province's term, tag or platform with
        /// no filter on the figures themselves: given a key level or a follower tier it read the window through that filter's
        /// own index (王 + key figures: 840 ms). Whether a term is common enough to walk is ListFigures.WalkPaysAsync's.
        /// </remarks>
        public bool TriesBoundedWalk(TongxinDb db, string sort, int end, int window = WalkWindow)
        {
            if (end * 20 > window) return false;
            var provinceWide = KeyOnlySearch.IsProvinceWide(db);
            if (db is not SqliteTongxinDb)
                return KeysAlone && Region is null && provinceWide && sort is "name" or "-followers" or "-enrolledOn" or "region";
            if (KeyLevel is not null && Plan is null && !provinceWide) return false;
            if (!(Plan is null || IsFilterKeyOnly || Region is null && provinceWide)) return false;
            return sort is "name" or "-followers" or "-enrolledOn" || sort == "region" && Region is null && provinceWide;
        }

        /// <summary>
        /// The filtered figures within the first <see cref="WalkWindow"/> entries of the order (all figures, any scope): the
        /// order key's value at that entry is read from its index alone, and the walk is the range of the order's index up to
        /// it (ties included), with the scope, region and status written so that no other index is taken (<see cref="Walking"/>).
        /// That range is a prefix of the order, so a page it fills is the page of the whole list. Fewer than
        /// <see cref="WalkWindow"/> figures in all: no bound, the walk is the whole (small) list.
        /// </summary>
        public async Task<IQueryable<Figure>> BoundedWalkAsync(TongxinDb db, string sort, int window = WalkWindow)
        {
            var all = Unscoped(db);
            var walk = Walking(db);
            switch (sort)
            {
                case "-followers":
                    var followers = await all.OrderByDescending(f => f.MaxFollowers).Select(f => (long?)f.MaxFollowers).Skip(window).FirstOrDefaultAsync();
                    return followers is { } fewest ? walk.Where(f => f.MaxFollowers >= fewest) : walk;
                case "-enrolledOn":
                    var enrolled = await all.OrderByDescending(f => f.EnrolledOn).Select(f => (DateOnly?)f.EnrolledOn).Skip(window).FirstOrDefaultAsync();
                    return enrolled is { } earliest ? walk.Where(f => f.EnrolledOn >= earliest) : walk;
                case "region":
                    // The window's last (region, name); the walk is bounded by its region (a range of the order's index,
                    // IX_Figures_RegionCode_SortKey) and cut within that region by the name.
                    var at = await all.OrderBy(f => f.RegionCode).ThenBy(f => f.SortKey).ThenBy(f => f.Id)
                        .Select(f => new { f.RegionCode, f.SortKey }).Skip(window).FirstOrDefaultAsync();
                    return at is null ? walk : walk.Where(f => string.Compare(f.RegionCode, at.RegionCode) <= 0
                        && (string.Compare(f.RegionCode, at.RegionCode) < 0 || string.Compare(f.SortKey, at.SortKey) <= 0));
                default:
                    var sortKey = await all.OrderBy(f => f.SortKey).Select(f => f.SortKey).Skip(window).FirstOrDefaultAsync();
                    return sortKey is { } last ? walk.Where(f => string.Compare(f.SortKey, last) <= 0) : walk;
            }
        }

        /// <summary>
        /// Every figure, the region scope's filter left off: the one bypass of the filter in the list (ModelTests' allow-list).
        /// <see cref="Walking"/> restates the scope on every row; the bounded walk reads only an order key's value from it.
        /// </summary>
        private static IQueryable<Figure> Unscoped(TongxinDb db) => db.Figures.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking();

        /// <summary>The key rows of the category asked for (the last column of the key index).</summary>
        private IQueryable<FigureSearchKey> NarrowKeys(IQueryable<FigureSearchKey> keys) =>
            Category is { } category ? keys.Where(k => k.Category == category) : keys;

        /// <summary>
        /// The city (its four-digit code prefix) that the scope or the region asked for lies within, if any: a pinyin
        /// range is then read from that city's keys alone (<see cref="KeyOnlySearch.CityPinyinKeys"/>).
        /// </summary>
        public string? CityCode(TongxinDb db)
        {
            var low = new[] { Region?.Low, db.ScopeUnrestricted ? null : db.ScopeLow }.OfType<string>().MaxBy(l => l.Length);
            return low is { Length: >= KeyOnlySearch.CityCodeLength } ? low[..KeyOnlySearch.CityCodeLength] : null;
        }

        /// <summary>The filter on the given figures (the scoped set, or a query over it).</summary>
        public IQueryable<Figure> Apply(TongxinDb db, IQueryable<Figure> query) => Apply(db, query, statusDone: false, indexFree: false);

        private IQueryable<Figure> Apply(TongxinDb db, IQueryable<Figure> query, bool statusDone, bool indexFree)
        {
            if (Region is { } region)
            {
                var (low, high) = (region.Low, region.High);
                query = indexFree
                    ? query.Where(f => string.Compare(f.RegionCode + "", low) >= 0 && string.Compare(f.RegionCode + "", high) < 0)
                    : query.Where(f => string.Compare(f.RegionCode, low) >= 0 && string.Compare(f.RegionCode, high) < 0);
            }
            if (Status is { } status && !statusDone) query = query.Where(f => f.Status == status);
            if (Category is { } category) query = query.Where(f => f.Category == category);
            query = OnFigureColumns(query);
            // A walk tests each figure it meets: one seek of its own key row (see HasFilterKeys), not a list of every
            // figure with the platform or tag.
            IQueryable<Figure> WithOwnKey(IQueryable<Figure> figures, string key) => figures.Where(f => db.FigureSearchKeys.Any(k =>
                k.Key == key && k.RegionCode == f.RegionCode && k.Status == f.Status && k.SortKey == f.SortKey && k.FigureId == f.Id));
            if (PlatformKey is { } platformKey && indexFree) query = WithOwnKey(query, platformKey);
            else if (Platform is { } platform)
                query = query.Where(f => db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.Platform == platform));
            if (TagKey is { } tagKey && indexFree) query = WithOwnKey(query, tagKey);
            else if (TagKey is { } tag)
            {
                var tagged = db.FigureSearchKeys.Where(k => k.Key == tag).Select(k => k.FigureId);
                query = query.Where(f => tagged.Contains(f.Id));
            }
            if (Plan is not { } plan) return query;
            // Driven from the key index (IN, not a correlated EXISTS): the work is proportional to the matches in scope,
            // not to the size of the scope. The category is on the key rows too: a common term's figures of other
            // categories are skipped in the key index, not each read from Figures.
            var keyRows = NarrowKeys(db.FigureSearchKeys);
            if (indexFree && plan.Prefix is null && FigureSearch.ThreeKeys(plan.ExactKeys) is var (k0, k1, k2))
            {
                // A walk (SQLite) tests each figure it meets: a look-up of its own key rows, which carry its region, status
                // and sort key (the indexer keeps them equal), so each key is one seek of the whole primary key; no match is
                // read that the walk does not meet (李 at 300,000 figures: 21,567 matches).
                query = query.Where(f => keyRows.Any(k => new[] { k0, k1, k2 }.Contains(k.Key) && k.RegionCode == f.RegionCode
                    && k.Status == f.Status && k.SortKey == f.SortKey && k.FigureId == f.Id));
            }
            else if (indexFree && plan.Prefix is var (low, high))
            {
                // A pinyin range tested per walked figure on that figure's own key rows (about twenty, by the FigureId
                // index): as a list, every match of the range in the scope was read first (x province-wide at 1,000,000
                // figures: 385,000 key rows, ~300 ms before the walk met its first row).
                var exact = plan.ExactKeys.ToArray();
                query = query.Where(f => keyRows.Any(k => k.FigureId == f.Id
                    && (string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0 || exact.Contains(k.Key))));
            }
            else
            {
                var matching = MatchingKeys(db, NarrowKeys, plan, CityCode(db)).Select(k => k.FigureId);
                // For a walk (SQLite), written so that the matches are not the rows to read (by id), but a list (read
                // once) each walked row is tested against.
                query = indexFree ? query.Where(f => matching.Contains(f.Id + 0)) : query.Where(f => matching.Contains(f.Id));
            }
            if (plan.NameContains is { } term)
                query = query.Where(f => f.Name.Contains(term)
                    || db.OrganizationMembers.Any(m => m.FigureId == f.Id && m.Organization!.NameKey.Contains(term))
                    || db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(term)));
            if (plan.HandleContains is { } handle)
                query = query.Where(f => db.PlatformAccounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(handle)));
            return query;
        }
    }

    /// <summary>Bad values are field errors, never ignored (region first, then status, then follower tier).</summary>
    public static async Task<Resolved> ResolveAsync(FigureFilter filter, TongxinDb db)
    {
        var region = await filter.RegionRangeAsync(db);
        var status = filter.WantedStatus();
        long? min = null;
        if (!string.IsNullOrWhiteSpace(filter.FollowerTier))
            min = FigureFilter.Tiers.TryGetValue(filter.FollowerTier, out var m) ? m : throw FieldValidationException.Single("followerTier", "粉丝量级无效");
        var plan = FigureSearch.For(filter.Q);
        var tagKey = string.IsNullOrWhiteSpace(filter.Tag) ? null : "t:" + filter.Tag.Trim().ToLowerInvariant();
        var platform = NullIfBlank(filter.Platform);
        // A tag or a platform without a term is searched like a term: its key rows carry region, status and sort key, so
        // a city's tagged figures are one range of the key index for the page and the count (乡村振兴 in a city at
        // 1,000,000 figures: 10,695 index entries, where the figures' filter read every figure of the city and ~390 ms).
        if (plan is null && tagKey is not null) (plan, tagKey) = (new FigureSearch.Plan([tagKey], null, null), null);
        else if (plan is null && platform is not null)
            (plan, platform) = (new FigureSearch.Plan([FigureSearchIndexer.PlatformKey(platform)], null, null), null);
        return new Resolved(region, status, NullIfBlank(filter.Category), NullIfBlank(filter.KeyLevel), platform, min, tagKey, plan);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// The key rows a search term matches: the exact keys as one list look-up (PostgreSQL reads it index-only with
    /// = ANY; an OR of keys became a bitmap scan that visited the table), the pinyin prefix as its own branch of a
    /// UNION ALL, so each branch is a plain range of the key index.
    /// </summary>
    /// <remarks>
    /// SQLite has no arrays: there the keys (a plan has one to three) are an inline list of three parameters padded
    /// with the last key (<see cref="FigureSearch.InlineKeys"/>), so the SQL is the same for every search and stays
    /// in EF's command cache (a list expanded per value is generated again on every execution, decision 0010).
    /// </remarks>
    /// <param name="narrow">The status, region and category conditions on the key rows, applied to every branch.</param>
    /// <param name="city">A city the matches lie within (<see cref="Resolved.CityCode"/>): the pinyin range is read from its keys alone.</param>
    public static IQueryable<FigureSearchKey> MatchingKeys(TongxinDb db, Func<IQueryable<FigureSearchKey>, IQueryable<FigureSearchKey>> narrow,
        FigureSearch.Plan plan, string? city)
    {
        var keys = narrow(db.FigureSearchKeys.AsNoTracking());
        IQueryable<FigureSearchKey>? rows = null;
        if (FigureSearch.InlineKeys(db, plan.ExactKeys) is var (k0, k1, k2))
            rows = keys.Where(k => new[] { k0, k1, k2 }.Contains(k.Key));
        else if (plan.ExactKeys.Count > 0)
        {
            var exact = plan.ExactKeys.ToArray();
            rows = keys.Where(k => EF.Parameter(exact).Contains(k.Key));
        }
        if (plan.Prefix is var (low, high))
        {
            var source = city is null ? keys : narrow(KeyOnlySearch.CityPinyinKeys(db, city));
            var inRange = source.Where(k => string.Compare(k.Key, low) >= 0 && string.Compare(k.Key, high) < 0);
            rows = rows is null ? inRange : rows.Concat(inRange);
        }
        return rows ?? keys.Where(k => false);
    }
}
