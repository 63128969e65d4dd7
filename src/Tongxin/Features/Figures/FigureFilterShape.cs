using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using static Tongxin.Features.Figures.SearchPlaceholders;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list filters (<see cref="FigureFilter"/>) as one query shape per combination of the filters asked for
/// (<see cref="Form"/>), with placeholders for their values (<see cref="SearchPlaceholders"/>, <see cref="SearchValues"/>). Bound to one filter's
/// values it is the LINQ query that export and the dashboard run (<see cref="Resolved.Apply"/>); the list runs the
/// same shape as a compiled query (<see cref="FilteredList"/>).
/// </summary>
public static class FigureFilterShape
{
    public enum KeyLevelTest { None, Any, Equals }

    /// <summary>Which filters narrow: each combination is one shape.</summary>
    public readonly record struct Form(bool Region, bool Status, bool Category, KeyLevelTest KeyLevel, bool Platform, bool Tier,
        bool Tag, bool Term, ExactKeys Exact, bool Prefix, bool NameContains, bool HandleContains);

    /// <summary>A filter checked and taken apart: its shape and its values.</summary>
    public sealed record Resolved(Form Form, SearchValues Values)
    {
        public IQueryable<Figure> Apply(TongxinDb db, IQueryable<Figure> query) =>
            query.Provider.CreateQuery<Figure>(QueryPlaceholders.Bind(Shape(db, query, Form).Expression, typeof(SearchPlaceholders), Values));
    }

    /// <summary>Bad values are field errors, never ignored (region first, then status, then follower tier).</summary>
    public static async Task<Resolved> ResolveAsync(FigureFilter filter, TongxinDb db)
    {
        var values = new SearchValues();
        var (region, status) = await values.SetRegionAndStatusAsync(filter, db);
        var category = values.SetCategory(filter);
        var keyLevel = filter.KeyLevel == "any" ? KeyLevelTest.Any
            : string.IsNullOrWhiteSpace(filter.KeyLevel) ? KeyLevelTest.None : KeyLevelTest.Equals;
        if (keyLevel == KeyLevelTest.Equals) values.KeyLevel = filter.KeyLevel;
        var platform = !string.IsNullOrWhiteSpace(filter.Platform);
        if (platform) values.Platform = filter.Platform;
        var tier = !string.IsNullOrWhiteSpace(filter.FollowerTier);
        if (tier)
        {
            if (!FigureFilter.Tiers.TryGetValue(filter.FollowerTier!, out var min)) throw FieldValidationException.Single("followerTier", "粉丝量级无效");
            values.MinFollowers = min;
        }
        var tag = !string.IsNullOrWhiteSpace(filter.Tag);
        if (tag) values.TagKey = "t:" + filter.Tag!.Trim().ToLowerInvariant();
        var plan = FigureSearch.For(filter.Q);
        var exact = ExactKeys.None;
        if (plan is not null)
        {
            exact = values.SetTerm(db, plan);
            (values.Term, values.Handle) = (plan.NameContains, plan.HandleContains);
        }
        return new Resolved(new Form(region, status, category, keyLevel, platform, tier, tag,
            plan is not null, exact, plan?.Prefix is not null, plan?.NameContains is not null, plan?.HandleContains is not null), values);
    }

    /// <summary>The shape of a form on the given figures (the scoped set, or a query over it).</summary>
    public static IQueryable<Figure> Shape(TongxinDb db, IQueryable<Figure> query, Form form)
    {
        // The sets as locals, not db.X inside the lambdas: a captured query is inlined and its root loses its context
        // (QueryPlaceholders), while a captured context would stay in the compiled query's tree for good.
        IQueryable<PlatformAccount> accounts = db.PlatformAccounts;
        IQueryable<OrganizationMember> members = db.OrganizationMembers;
        IQueryable<FigureSearchKey> searchKeys = db.FigureSearchKeys;
        if (form.Region) query = query.Where(f => string.Compare(f.RegionCode, Low) >= 0 && string.Compare(f.RegionCode, High) < 0);
        if (form.Status) query = query.Where(f => f.Status == Status);
        if (form.Category) query = query.Where(f => f.Category == Category);
        // Written as the partial index of key figures is (IX_Figures_KeyFigures), so both databases match it.
        if (form.KeyLevel == KeyLevelTest.Any) query = query.Where(f => f.KeyLevel != null);
        else if (form.KeyLevel == KeyLevelTest.Equals) query = query.Where(f => f.KeyLevel == KeyLevel);
        if (form.Platform) query = query.Where(f => accounts.Any(a => a.FigureId == f.Id && a.Platform == Platform));
        if (form.Tier) query = query.Where(f => f.MaxFollowers >= MinFollowers);
        if (form.Tag)
        {
            var tagged = searchKeys.Where(k => k.Key == TagKey).Select(k => k.FigureId);
            query = query.Where(f => tagged.Contains(f.Id));
        }
        if (!form.Term) return query;
        // Driven from the key index (IN, not a correlated EXISTS): the work is proportional to the matches in scope,
        // not to the size of the scope. The category is on the key rows too: a common term's figures of other
        // categories are skipped in the key index, not each read from Figures (王 + a category: 30–40 ms on
        // PostgreSQL at 1M figures before).
        var keyRows = form.Category ? searchKeys.Where(k => k.Category == Category) : searchKeys;
        var matching = MatchingKeys(keyRows, form.Exact, form.Prefix).Select(k => k.FigureId);
        query = query.Where(f => matching.Contains(f.Id));
        if (form.NameContains)
            query = query.Where(f => f.Name.Contains(Term)
                || members.Any(m => m.FigureId == f.Id && m.Organization!.NameKey.Contains(Term))
                || accounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(Term)));
        if (form.HandleContains)
            query = query.Where(f => accounts.Any(a => a.FigureId == f.Id && a.HandleKey.Contains(Handle)));
        return query;
    }
}
