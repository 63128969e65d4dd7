using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The list for a search term with no filter beyond status and region, in name or region order: the page and
/// the count come from the search-key index alone (its rows carry the figure's status and sort key), and
/// Figures is read only for the rows of the page. A common surname has thousands of matches in a city; reading
/// a Figures row for each of them before sorting and counting was what made such a search slow.
/// </summary>
/// <remarks>
/// These are the most frequent queries of the application and take well under a millisecond on the database,
/// so they run as EF compiled queries, one per shape (region asked for or not, status, exact keys, pinyin
/// prefix, order), compiled on first use. A LINQ query pays on every execution for walking its expression
/// tree to pull out the parameters and for hashing and comparing the tree against EF's query cache; on these
/// trees (a UNION, a DISTINCT, a join and two orders) that was as much as the database's own time
/// (docs/decisions/0010-ef-fixed-cost.md). The shape is written once (<see cref="Hits"/>, <see cref="PageShape"/>, <see cref="CountShape"/>), with placeholders
/// (<see cref="P"/>) that become the compiled query's parameters, or closure values for the plain LINQ form
/// (<see cref="Search.Page"/>, used to look at the SQL).
/// </remarks>
public static class KeyOnlySearch
{
    /// <summary>One matching figure as its key rows describe it.</summary>
    public sealed class Hit
    {
        public long FigureId { get; init; }
        public string SortKey { get; init; } = "";
        public string RegionCode { get; init; } = "";
    }

    /// <summary>The parts a search has; each combination is one compiled query (for each model).</summary>
    public readonly record struct Form(bool Region, bool Status, ExactKeys Exact, bool Prefix, bool ByRegion);

    /// <summary>How the exact keys are passed: PostgreSQL takes an array (= ANY); SQLite three scalars (see <see cref="FigureSearch"/>).</summary>
    public enum ExactKeys { None, Inline, Array }

    /// <summary>A search's values: the compiled queries' parameters, in order.</summary>
    public sealed class Values
    {
        public string? Low;
        public string? High;
        public FigureStatus Status;
        public string[]? Keys;
        public string? K0;
        public string? K1;
        public string? K2;
        public string? PrefixLow;
        public string? PrefixHigh;
        public int Skip;
        public int Take;
    }

    /// <summary>One key-only search: its page and capped count, run as compiled queries.</summary>
    public sealed class Search(TongxinDb db, Form form, Values values)
    {
        private Compiled Queries => For(db, form);

        public async Task<List<ListFigures.Row>> PageAsync()
        {
            var v = values;
            var rows = new List<ListFigures.Row>(v.Take);
            await foreach (var row in Queries.Page(db, v.Low, v.High, v.Status, v.Keys, v.K0, v.K1, v.K2, v.PrefixLow, v.PrefixHigh, v.Skip, v.Take))
                rows.Add(row);
            return rows;
        }

        public Task<int> CountAsync()
        {
            var v = values;
            return Queries.Count(db, v.Low, v.High, v.Status, v.Keys, v.K0, v.K1, v.K2, v.PrefixLow, v.PrefixHigh);
        }

        /// <summary>The same page as a LINQ query (the values as closure parameters): for its SQL and for comparisons.</summary>
        public IQueryable<ListFigures.Row> Page => ((IQueryable)db.FigureSearchKeys).Provider.CreateQuery<ListFigures.Row>(
            new Bind(values).Visit(PageShape(db, form).Expression));

        /// <summary>The figures to count, as a LINQ query.</summary>
        public IQueryable<long> Count => ((IQueryable)db.FigureSearchKeys).Provider.CreateQuery<long>(
            new Bind(values).Visit(CountShape(db, form).Expression));
    }

    /// <summary>The search, or null when a filter needs the Figures table.</summary>
    public static async Task<Search?> ForAsync(FigureFilter filter, TongxinDb db, int page, int pageSize)
    {
        if (!Applies(filter, out var plan)) return null;
        var values = new Values { Skip = (page - 1) * pageSize, Take = pageSize };
        var region = await filter.RegionRangeAsync(db);
        if (region is { } r) (values.Low, values.High) = (r.Low, r.High);
        var status = filter.WantedStatus();
        values.Status = status ?? default;
        var exact = ExactKeys.None;
        if (plan.ExactKeys.Count > 0)
        {
            if (FigureSearch.InlineKeys(db, plan.ExactKeys) is { } inline)
            {
                exact = ExactKeys.Inline;
                (values.K0, values.K1, values.K2) = inline;
            }
            else
            {
                exact = ExactKeys.Array;
                values.Keys = plan.ExactKeys.ToArray();
            }
        }
        if (plan.Ranges.Count == 1) (values.PrefixLow, values.PrefixHigh) = plan.Ranges[0];
        var form = new Form(region is not null, status is not null, exact, plan.Ranges.Count == 1, filter.Sort == "region");
        return new Search(db, form, values);
    }

    /// <summary>Only the term, status and region narrow, and the order is one the key rows know.</summary>
    private static bool Applies(FigureFilter filter, out FigureSearch.Plan plan)
    {
        plan = FigureSearch.For(filter.Q)!;
        return plan is { NameContains: null, HandleContains: null, Ranges.Count: <= 1 }
            && string.IsNullOrWhiteSpace(filter.Category) && string.IsNullOrWhiteSpace(filter.KeyLevel)
            && string.IsNullOrWhiteSpace(filter.Platform) && string.IsNullOrWhiteSpace(filter.FollowerTier)
            && string.IsNullOrWhiteSpace(filter.Tag) && filter.Sort is null or "" or "name" or "region";
    }

    /// <summary>
    /// The matching figures (once per matching key; see <see cref="PageShape"/>): the exact keys as one list
    /// look-up, the pinyin prefix as its own branch of a UNION ALL, as <see cref="FigureSearch.MatchingKeys"/> builds them.
    /// </summary>
    private static IQueryable<Hit> Hits(TongxinDb db, Form form)
    {
        var keys = db.FigureSearchKeys.AsNoTracking();
        if (form.Region) keys = keys.Where(k => string.Compare(k.RegionCode, P.Low) >= 0 && string.Compare(k.RegionCode, P.High) < 0);
        if (form.Status) keys = keys.Where(k => k.Status == P.Status);
        var rows = form.Exact switch
        {
            ExactKeys.Inline => keys.Where(k => new[] { P.K0, P.K1, P.K2 }.Contains(k.Key)),
            ExactKeys.Array => keys.Where(k => P.Keys.Contains(k.Key)),
            _ => null,
        };
        if (form.Prefix)
        {
            var inRange = keys.Where(k => string.Compare(k.Key, P.PrefixLow) >= 0 && string.Compare(k.Key, P.PrefixHigh) < 0);
            rows = rows is null ? inRange : rows.Concat(inRange);
        }
        return (rows ?? keys.Where(k => false)).Select(k => new Hit { FigureId = k.FigureId, SortKey = k.SortKey, RegionCode = k.RegionCode });
    }

    /// <summary>One page: ordered and cut on the key index, then the page's figures joined (a figure matching several keys counts once).</summary>
    private static IQueryable<ListFigures.Row> PageShape(TongxinDb db, Form form)
    {
        var distinct = Hits(db, form).Distinct();
        var ordered = form.ByRegion
            ? distinct.OrderBy(h => h.RegionCode).ThenBy(h => h.SortKey).ThenBy(h => h.FigureId)
            : distinct.OrderBy(h => h.SortKey).ThenBy(h => h.FigureId);
        var joined = SkipTake(ordered)
            .Join(db.Figures.AsNoTracking(), h => h.FigureId, f => f.Id, (h, f) => new { h, f });
        var reordered = form.ByRegion
            ? joined.OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId)
            : joined.OrderBy(x => x.h.SortKey).ThenBy(x => x.h.FigureId);
        return reordered.Select(x => x.f).Select(ListFigures.ToRow);
    }

    // Skip and Take take their count as a value, not an expression: the placeholders go in by hand.
    private static IQueryable<T> SkipTake<T>(IQueryable<T> query)
    {
        var skip = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], query.Expression,
            Expression.Property(null, typeof(P), nameof(P.Skip)));
        return query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], skip,
            Expression.Property(null, typeof(P), nameof(P.Take))));
    }

    /// <summary>The figures to count, capped, read from the key index alone.</summary>
    private static IQueryable<long> CountShape(TongxinDb db, Form form) =>
        Hits(db, form).Select(h => h.FigureId).Distinct().Take(ListFigures.TotalCap + 1);

    /// <summary>Placeholders for <see cref="Values"/> in a shape; never evaluated (replaced before EF sees the tree).</summary>
    private static class P
    {
        private static T Unbound<T>() => throw new InvalidOperationException("A search placeholder was not replaced.");
        public static string Low => Unbound<string>();
        public static string High => Unbound<string>();
        public static FigureStatus Status => Unbound<FigureStatus>();
        public static string[] Keys => Unbound<string[]>();
        public static string K0 => Unbound<string>();
        public static string K1 => Unbound<string>();
        public static string K2 => Unbound<string>();
        public static string PrefixLow => Unbound<string>();
        public static string PrefixHigh => Unbound<string>();
        public static int Skip => Unbound<int>();
        public static int Take => Unbound<int>();
    }

    // The compiled queries' parameters, in the order of Values (the count takes all but Skip and Take); named as
    // the fields of Values, so that both forms send the same SQL.
    private static readonly ParameterExpression[] Parameters =
    [
        Expression.Parameter(typeof(string), nameof(Values.Low)), Expression.Parameter(typeof(string), nameof(Values.High)),
        Expression.Parameter(typeof(FigureStatus), nameof(Values.Status)), Expression.Parameter(typeof(string[]), nameof(Values.Keys)),
        Expression.Parameter(typeof(string), nameof(Values.K0)), Expression.Parameter(typeof(string), nameof(Values.K1)),
        Expression.Parameter(typeof(string), nameof(Values.K2)), Expression.Parameter(typeof(string), nameof(Values.PrefixLow)),
        Expression.Parameter(typeof(string), nameof(Values.PrefixHigh)), Expression.Parameter(typeof(int), nameof(Values.Skip)),
        Expression.Parameter(typeof(int), nameof(Values.Take)),
    ];

    private static readonly ParameterExpression Db = Expression.Parameter(typeof(TongxinDb), "db");

    /// <summary>Placeholders to the compiled query's parameters.</summary>
    private sealed class ToParameters : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is null && node.Member.DeclaringType == typeof(P)
                ? Parameters.Single(p => p.Name == node.Member.Name)
                : base.VisitMember(node);
    }

    /// <summary>Placeholders to fields of one search's values: EF makes them parameters, as any captured variable.</summary>
    private sealed class Bind(Values values) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is null && node.Member.DeclaringType == typeof(P)
                ? Expression.Field(Expression.Constant(values), typeof(Values).GetField(node.Member.Name)!)
                : base.VisitMember(node);
    }

    private sealed record Compiled(
        Func<TongxinDb, string?, string?, FigureStatus, string[]?, string?, string?, string?, string?, string?, int, int, IAsyncEnumerable<ListFigures.Row>> Page,
        Func<TongxinDb, string?, string?, FigureStatus, string[]?, string?, string?, string?, string?, string?, Task<int>> Count);

    // A compiled query belongs to one model (one per provider); the shapes are few.
    private static readonly ConcurrentDictionary<(IModel, Form), Compiled> Cache = new();

    private static Compiled For(TongxinDb db, Form form) =>
        Cache.GetOrAdd((db.Model, form), static (key, db) => Compile(db, key.Item2), db);

    // The context only gives the shape its query roots: a compiled query runs on whichever context it is given,
    // and the scope filter reads that one.
    private static Compiled Compile(TongxinDb db, Form form)
    {
        var page = new ToParameters().Visit(PageShape(db, form).Expression);
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(long)],
            new ToParameters().Visit(CountShape(db, form).Expression));
        var pageLambda = Expression.Lambda<Func<TongxinDb, string?, string?, FigureStatus, string[]?, string?, string?, string?, string?, string?, int, int, IQueryable<ListFigures.Row>>>(
            page, [Db, .. Parameters]);
        var countLambda = Expression.Lambda<Func<TongxinDb, string?, string?, FigureStatus, string[]?, string?, string?, string?, string?, string?, int>>(
            count, [Db, .. Parameters[..^2]]);
        return new Compiled(EF.CompileAsyncQuery(pageLambda), EF.CompileAsyncQuery(countLambda));
    }
}
