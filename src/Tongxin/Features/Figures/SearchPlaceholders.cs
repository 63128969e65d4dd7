using System.Linq.Expressions;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The placeholders of the list's query shapes (<see cref="KeyOnlySearch"/>, <see cref="FigureFilterShape"/>), named
/// as the fields of their values (<see cref="SearchValues"/>); never evaluated.
/// </summary>
public static class SearchPlaceholders
{
    public static string Low => QueryPlaceholders.Unbound<string>();
    public static string High => QueryPlaceholders.Unbound<string>();
    public static FigureStatus Status => QueryPlaceholders.Unbound<FigureStatus>();
    public static string[] Keys => QueryPlaceholders.Unbound<string[]>();
    public static string K0 => QueryPlaceholders.Unbound<string>();
    public static string K1 => QueryPlaceholders.Unbound<string>();
    public static string K2 => QueryPlaceholders.Unbound<string>();
    public static string PrefixLow => QueryPlaceholders.Unbound<string>();
    public static string PrefixHigh => QueryPlaceholders.Unbound<string>();
    public static int Skip => QueryPlaceholders.Unbound<int>();
    public static int Take => QueryPlaceholders.Unbound<int>();
    public static string Category => QueryPlaceholders.Unbound<string>();
    public static string KeyLevel => QueryPlaceholders.Unbound<string>();
    public static string Platform => QueryPlaceholders.Unbound<string>();
    public static long MinFollowers => QueryPlaceholders.Unbound<long>();
    public static string TagKey => QueryPlaceholders.Unbound<string>();
    public static string Term => QueryPlaceholders.Unbound<string>();
    public static string Handle => QueryPlaceholders.Unbound<string>();

    /// <summary>
    /// The key rows a search term matches: the exact keys as one list look-up (PostgreSQL reads it index-only with
    /// = ANY; an OR of keys became a bitmap scan that visited the table), the pinyin prefix as its own branch of a
    /// UNION ALL, so each branch is a plain range of the key index.
    /// </summary>
    /// <remarks>
    /// SQLite has no arrays: EF expands a list into one parameter per value at each execution, and a query with such
    /// a list is never kept in EF's command cache, so its SQL was generated again for every search (about half of
    /// EF's own cost of a search, docs/decisions/0010-ef-fixed-cost.md). There the keys are an inline list of three
    /// scalars, padded with the last key (<see cref="FigureSearch.InlineKeys"/>): the same SQL for every search.
    /// </remarks>
    public static IQueryable<FigureSearchKey> MatchingKeys(IQueryable<FigureSearchKey> keys, ExactKeys exact, bool prefix)
    {
        var rows = exact switch
        {
            ExactKeys.Inline => keys.Where(k => new[] { K0, K1, K2 }.Contains(k.Key)),
            ExactKeys.Array => keys.Where(k => Keys.Contains(k.Key)),
            _ => null,
        };
        if (prefix)
        {
            var inRange = keys.Where(k => string.Compare(k.Key, PrefixLow) >= 0 && string.Compare(k.Key, PrefixHigh) < 0);
            rows = rows is null ? inRange : rows.Concat(inRange);
        }
        return rows ?? keys.Where(k => false);
    }

    /// <summary>The query's rows up to the end of the page (<see cref="Skip"/> + <see cref="Take"/>).</summary>
    public static IQueryable<T> UpToPage<T>(IQueryable<T> query) =>
        query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression,
            Expression.Add(Expression.Property(null, typeof(SearchPlaceholders), nameof(Skip)),
                Expression.Property(null, typeof(SearchPlaceholders), nameof(Take)))));

    /// <summary>One page of the query (<see cref="Skip"/>, <see cref="Take"/>): Skip and Take take their count as a value, not an expression, so the placeholders go in by hand.</summary>
    public static IQueryable<T> Paged<T>(IQueryable<T> query)
    {
        var skip = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], query.Expression,
            Expression.Property(null, typeof(SearchPlaceholders), nameof(Skip)));
        return query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], skip,
            Expression.Property(null, typeof(SearchPlaceholders), nameof(Take))));
    }
}
