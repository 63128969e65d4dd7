using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// A list's page and capped count as EF compiled queries, compiled once per shape (and model) on first use.
/// </summary>
/// <remarks>
/// The list's queries take well under a millisecond on the database, and a LINQ query pays on every execution for
/// walking its expression tree to pull out the parameters and for hashing and comparing the tree against EF's query
/// cache; on these trees that was as much as the database's own time (docs/decisions/0010-ef-fixed-cost.md). A
/// compiled query takes at most 15 parameters, and the filters have more placeholders than that, though no shape
/// uses more than a few: the string placeholders a shape uses go into ten string slots, each slot's parameter named
/// after the placeholder it carries (so the compiled query sends the SQL the LINQ form does). A shape needing more
/// string slots than there are stays a LINQ query.
/// </remarks>
public sealed class CompiledList
{
    private const int StringSlots = 10;

    // The string placeholders, in the order they take the slots.
    private static readonly string[] StringPlaceholders =
    [
        nameof(SearchPlaceholders.Low), nameof(SearchPlaceholders.High), nameof(SearchPlaceholders.K0), nameof(SearchPlaceholders.K1),
        nameof(SearchPlaceholders.K2), nameof(SearchPlaceholders.PrefixLow), nameof(SearchPlaceholders.PrefixHigh),
        nameof(SearchPlaceholders.Category), nameof(SearchPlaceholders.KeyLevel), nameof(SearchPlaceholders.Platform),
        nameof(SearchPlaceholders.TagKey), nameof(SearchPlaceholders.Term), nameof(SearchPlaceholders.Handle),
    ];

    private readonly Func<TongxinDb, string?, string?, string?, string?, string?, string?, string?, string?, string?, string?,
        FigureStatus, long, string[]?, int, int, IAsyncEnumerable<ListFigures.Row>> _page;
    private readonly Func<TongxinDb, string?, string?, string?, string?, string?, string?, string?, string?, string?, string?,
        FigureStatus, long, string[]?, Task<int>> _count;
    private readonly Func<SearchValues, string?>[] _slots;

    private CompiledList(Expression page, Expression count, IReadOnlyDictionary<string, ParameterExpression> byName,
        ParameterExpression[] parameters, Func<SearchValues, string?>[] slots)
    {
        var db = Expression.Parameter(typeof(TongxinDb), "db");
        _page = EF.CompileAsyncQuery(Expression.Lambda<Func<TongxinDb, string?, string?, string?, string?, string?, string?, string?, string?, string?, string?,
            FigureStatus, long, string[]?, int, int, IQueryable<ListFigures.Row>>>(
            QueryPlaceholders.ToParameters(page, typeof(SearchPlaceholders), byName), [db, .. parameters]));
        var counted = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(long)],
            QueryPlaceholders.ToParameters(count, typeof(SearchPlaceholders), byName));
        _count = EF.CompileAsyncQuery(Expression.Lambda<Func<TongxinDb, string?, string?, string?, string?, string?, string?, string?, string?, string?, string?,
            FigureStatus, long, string[]?, int>>(counted, [db, .. parameters[..^2]]));
        _slots = slots;
    }

    public async Task<List<ListFigures.Row>> PageAsync(TongxinDb db, SearchValues v)
    {
        var s = _slots;
        var rows = new List<ListFigures.Row>(v.Take);
        await foreach (var row in _page(db, s[0](v), s[1](v), s[2](v), s[3](v), s[4](v), s[5](v), s[6](v), s[7](v), s[8](v), s[9](v),
            v.Status, v.MinFollowers, v.Keys, v.Skip, v.Take))
            rows.Add(row);
        return rows;
    }

    public Task<int> CountAsync(TongxinDb db, SearchValues v)
    {
        var s = _slots;
        return _count(db, s[0](v), s[1](v), s[2](v), s[3](v), s[4](v), s[5](v), s[6](v), s[7](v), s[8](v), s[9](v),
            v.Status, v.MinFollowers, v.Keys);
    }

    // One per shape and model (a compiled query belongs to one model: one per provider); null where a shape stays LINQ.
    private static readonly ConcurrentDictionary<(IModel, object), CompiledList?> Cache = new();

    /// <summary>
    /// The filters combine into a few thousand shapes, of which an office uses a handful. A compiled shape keeps
    /// about 60 KB (page and count, measured over 200 shapes on SQLite), so this many is at most ~30 MB. Past it
    /// the rest run as LINQ, in EF's own query cache, which is bounded: a client walking every combination cannot
    /// make the server keep thousands of compiled queries.
    /// </summary>
    public const int MaxShapes = 512;

    /// <summary>The compiled page and count of a shape (its key), built from the shapes on first use; null if it does not fit.</summary>
    public static CompiledList? For(TongxinDb db, object shapeKey, Func<(IQueryable<ListFigures.Row> Page, IQueryable<long> Count)> shapes)
    {
        var key = (db.Model, shapeKey);
        if (Cache.TryGetValue(key, out var compiled)) return compiled;
        // A counter, not Cache.Count (which takes every lock of the dictionary); racing threads may pass it by a few.
        if (Volatile.Read(ref _cached) >= MaxShapes) return null;
        return Cache.GetOrAdd(key, static (_, shapes) =>
        {
            Interlocked.Increment(ref _cached);
            return Compile(shapes());
        }, shapes);
    }

    private static int _cached;

    // The context only gives the shapes their query roots: a compiled query runs on whichever context it is given,
    // and the scope filter reads that one.
    private static CompiledList? Compile((IQueryable<ListFigures.Row> Page, IQueryable<long> Count) shapes)
    {
        var used = QueryPlaceholders.Used(shapes.Page.Expression, typeof(SearchPlaceholders))
            .Union(QueryPlaceholders.Used(shapes.Count.Expression, typeof(SearchPlaceholders))).ToHashSet();
        var strings = StringPlaceholders.Where(used.Contains).ToList();
        if (strings.Count > StringSlots) return null;
        var byName = new Dictionary<string, ParameterExpression>();
        var parameters = new List<ParameterExpression>();
        var slots = new Func<SearchValues, string?>[StringSlots];
        for (var i = 0; i < StringSlots; i++)
        {
            var name = i < strings.Count ? strings[i] : "Unused" + i;
            var p = Expression.Parameter(typeof(string), name);
            parameters.Add(p);
            if (i < strings.Count)
            {
                byName[name] = p;
                slots[i] = Getter(name);
            }
            else slots[i] = static _ => null;
        }
        foreach (var (type, name) in new[] { (typeof(FigureStatus), nameof(SearchPlaceholders.Status)), (typeof(long), nameof(SearchPlaceholders.MinFollowers)),
            (typeof(string[]), nameof(SearchPlaceholders.Keys)), (typeof(int), nameof(SearchPlaceholders.Skip)), (typeof(int), nameof(SearchPlaceholders.Take)) })
        {
            var p = Expression.Parameter(type, name);
            parameters.Add(p);
            byName[name] = p;
        }
        return new CompiledList(shapes.Page.Expression, shapes.Count.Expression, byName, [.. parameters], slots);
    }

    private static Func<SearchValues, string?> Getter(string name)
    {
        var v = Expression.Parameter(typeof(SearchValues), "v");
        return Expression.Lambda<Func<SearchValues, string?>>(Expression.Field(v, typeof(SearchValues).GetField(name)!), v).Compile();
    }
}
